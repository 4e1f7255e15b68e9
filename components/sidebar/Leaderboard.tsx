import { LEADERBOARD_METRICS_LIST, type SidebarLeaderboardMetric, type TeamResponse } from '@/lib/views';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../common/i18n';
import { Figure } from './Figure';
import { formatValue } from './format';

export const METRIC_KEYS: Record<SidebarLeaderboardMetric, MessageKey> = {
  wonAmount: 'metric.wonAmount',
  quotaAttainment: 'metric.quotaAttainment',
  activities: 'metric.activities',
  winRate: 'metric.winRate',
  dealsCreated: 'metric.dealsCreated',
};

export type LeaderboardProps = {
  board: TeamResponse | undefined;
  metric: SidebarLeaderboardMetric;
  onMetric: (metric: SidebarLeaderboardMetric) => void;
  /** Opens a rep's own cards (leads only); absent when peers are hidden. */
  onDrill?: (ownerId: string, name: string) => void;
  error?: string;
};

/**
 * The team's reps ranked by a chosen figure, with the team total and median. When the lead has
 * not shared peers' numbers, the background sends the rep's own row only: the rep sees their rank
 * ("3rd of 5") and nothing of their peers.
 */
export function Leaderboard({ board, metric, onMetric, onDrill, error }: LeaderboardProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const shown = (value: number | undefined) => (value === undefined || !board ? '—' : formatValue(value, board.unit, i18n));
  return (
    <section className="card leaderboard" aria-labelledby="leaderboard-title">
      <div className="card-head">
        <h2 id="leaderboard-title">{t('team.leaderboard')}</h2>
        <label className="inline">
          {t('team.rankBy')}
          <select value={metric} onChange={(event) => onMetric(event.target.value as SidebarLeaderboardMetric)}>
            {LEADERBOARD_METRICS_LIST.map((option) => (
              <option key={option} value={option}>
                {t(METRIC_KEYS[option])}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {!board ? (
        <p className="loading">{t('sidebar.loading')}</p>
      ) : (
        <>
          {board.peersHidden && <p className="note">{t('team.peersHidden')}</p>}
          {board.viewerRank !== null && (
            <p className="sub">
              <Figure name="team.viewerRank" value={board.viewerRank}>
                {t('team.yourRank', { rank: board.viewerRank, count: board.reps })}
              </Figure>
            </p>
          )}
          {board.note && <p className="note">{board.note}</p>}
          <table className="data-table board">
            <caption className="visually-hidden">{t('team.leaderboardCaption', { metric: t(METRIC_KEYS[metric]) })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('team.rank')}
                </th>
                <th scope="col">{t('team.rep')}</th>
                <th scope="col" className="num">
                  {t(METRIC_KEYS[metric])}
                </th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((row) => (
                <tr
                  key={row.ownerId}
                  className={[row.isViewer ? 'viewer' : '', row.lowSample ? 'low-sample' : ''].join(' ').trim() || undefined}
                  data-owner={row.ownerId}
                >
                  <td className="num">{row.rank}</td>
                  <th scope="row">
                    {onDrill && !board.peersHidden ? (
                      <button type="button" className="link" onClick={() => onDrill(row.ownerId, row.name)} aria-label={t('team.drill', { name: row.name })}>
                        {row.name}
                      </button>
                    ) : (
                      row.name
                    )}
                  </th>
                  <td className="num">
                    <Figure name={`team.value.${row.ownerId}`} value={row.value}>
                      {shown(row.value)}
                    </Figure>
                    {row.lowSample && (
                      <span className="sample-short" title={t('team.lowSampleRow')}>
                        *
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            {!board.peersHidden && board.total !== undefined && (
              <tfoot>
                <tr>
                  <td />
                  <th scope="row">{t('team.total')}</th>
                  <td className="num">
                    <Figure name="team.total" value={board.total}>
                      {shown(board.total)}
                    </Figure>
                  </td>
                </tr>
                <tr>
                  <td />
                  <th scope="row">{t('team.median')}</th>
                  <td className="num">
                    <Figure name="team.median" value={board.median ?? null}>
                      {shown(board.median)}
                    </Figure>
                  </td>
                </tr>
              </tfoot>
            )}
          </table>
          {board.rows.some((row) => row.lowSample) && <p className="note sample-note">{t('team.lowSampleRow')}</p>}
          {!board.peersHidden &&
            board.excluded?.map((item) => (
              <p key={item.reason} className="note">
                {item.reason}
              </p>
            ))}
        </>
      )}
    </section>
  );
}
