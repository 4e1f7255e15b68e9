import { hasValue, type KpiResult } from '@/lib/kpi';
import { type ShownResult, type ViewSelection, ACTIVITY_KINDS, ACTIVITY_WINDOWS, type ActivityKind, type ActivityWindow } from '@/lib/views';
import { useI18n, type I18n } from '../common/i18n';
import { CardActions } from './CardActions';
import { Figure } from './Figure';

const KIND_LABEL = { call: 'activity.calls', email: 'activity.emails', meeting: 'activity.meetings' } as const;
const WINDOW_LABEL = { day: 'activity.today', week: 'activity.week', month: 'activity.month' } as const;

export type ActivityCardProps = {
  counts: Record<ActivityWindow, ShownResult | undefined>;
  /** Targets per kind and window, already scaled to the window's working days. */
  targets: Record<ActivityKind, Record<ActivityWindow, number | undefined>> | undefined;
  /** activityCounts for the selected period, explained from the card; absent: no actions. */
  periodResult?: ShownResult;
  selection?: ViewSelection;
};

/** Done activities of a kind in a result, or null when the result has no number. */
export function activityCount(result: ShownResult | KpiResult | undefined, kind: ActivityKind): number | null {
  if (!hasValue(result)) return null;
  return result.parts[kind] ?? 0;
}

/**
 * The dates a window covers, under its name: "Sun, Dec 6", "Nov 30 – Dec 6", "Dec 1 – 31". Early in a
 * month the week can start in the month before and hold more than the month so far; the dates say why.
 */
function windowDates(result: ShownResult | undefined, window: ActivityWindow, i18n: I18n): string | undefined {
  if (!result) return undefined;
  return window === 'day' ? i18n.weekday(result.period.start) : i18n.dayRange(result.period.start, result.period.end);
}

/** Calls, emails and meetings done today, this week and this month, each against its target. */
export function ActivityCard({ counts, targets, periodResult, selection }: ActivityCardProps) {
  const i18n = useI18n();
  const { t, number } = i18n;
  return (
    <section className="card" aria-labelledby="activity-title">
      <div className="card-head">
        <h2 id="activity-title">{t('activity.title')}</h2>
        {selection && <CardActions kpi="activityCounts" result={periodResult} selection={selection} />}
      </div>
      <table className="activity-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('activity.title')}</span>
            </th>
            {ACTIVITY_WINDOWS.map((window) => (
              <th scope="col" key={window}>
                {t(WINDOW_LABEL[window])}
                {windowDates(counts[window], window, i18n) && <span className="window-dates">{windowDates(counts[window], window, i18n)}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ACTIVITY_KINDS.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(KIND_LABEL[kind])}</th>
              {ACTIVITY_WINDOWS.map((window) => {
                const count = activityCount(counts[window], kind);
                const target = targets?.[kind][window];
                // A day without working days (a weekend) has a target of 0: nothing is due, and the card says why.
                const dayOff = window === 'day' && target === 0;
                const behind = count !== null && target !== undefined && count < target;
                return (
                  <td key={window} className={behind ? 'behind' : undefined}>
                    <Figure name={`activity.${kind}.${window}`} value={count}>
                      {count === null ? '—' : number(count)}
                    </Figure>
                    {target !== undefined && <span className="target">{dayOff ? t('activity.dayOff') : t('activity.target', { target })}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
