import { hasValue } from '@/lib/kpi';
import type { ShownResult, ViewSelection } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { CardActions } from './CardActions';
import { Change, Status } from './Change';
import { Figure } from './Figure';
import { ResultNote } from './ResultNote';
import { SampleNote } from './SampleNote';

/** Quota attainment for the period with its pace (where the rep should be today) and the projection at period end. */
export function QuotaCard({ result, currency, selection }: { result: ShownResult | undefined; currency: string; selection?: ViewSelection }) {
  const { t, percent, money } = useI18n();
  // A low-sample attainment (a projection on one or two deals) keeps its numbers, muted and without judgement.
  const ok = hasValue(result) ? result : undefined;
  return (
    <section className="card" aria-labelledby="quota-title">
      <div className="card-head">
        <h2 id="quota-title">{t('quota.title')}</h2>
        {selection && <CardActions kpi="quotaAttainment" result={result} selection={selection} />}
      </div>
      {ok ? (
        <>
          <p className={ok.status === 'low-sample' ? 'headline low-sample' : 'headline'}>
            <Figure name="quota.attainment" value={ok.value}>
              {percent(ok.value)}
            </Figure>
            <Status result={ok} />
          </p>
          <div
            className="meter"
            role="meter"
            aria-label={t('quota.title')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.min(100, Math.round(ok.value))}
          >
            <span className="meter-fill" style={{ width: `${Math.min(100, ok.value)}%` }} />
            {ok.parts.expectedPct !== undefined && <span className="meter-pace" style={{ left: `${Math.min(100, ok.parts.expectedPct)}%` }} />}
          </div>
          <p className="sub" data-kpi="quota.amount" data-value={String(ok.parts.quota ?? ok.denominator ?? 0)}>
            {t('quota.of', {
              won: money(ok.parts.sales ?? ok.numerator ?? 0, currency),
              quota: money(ok.parts.quota ?? ok.denominator ?? 0, currency),
            })}
          </p>
          {ok.parts.expectedPct !== undefined && (
            <p className="sub">
              <Figure name="quota.expectedPct" value={ok.parts.expectedPct}>
                {ok.parts.workingDays !== undefined && ok.parts.workingDaysElapsed !== undefined
                  ? t('quota.paceWorkingDays', { pace: percent(ok.parts.expectedPct), done: ok.parts.workingDaysElapsed, total: ok.parts.workingDays })
                  : t('quota.pace', { pace: percent(ok.parts.expectedPct) })}
              </Figure>
            </p>
          )}
          <SampleNote result={ok} />
          {ok.parts.projectedPct !== undefined && (
            <p className={ok.status === 'low-sample' ? 'sub muted' : 'sub'}>
              <Figure name="quota.projectedPct" value={ok.parts.projectedPct}>
                {t('quota.projection', { projected: percent(ok.parts.projectedPct) })}
              </Figure>
            </p>
          )}
          {selection && <Change result={ok} against={selection.compare ?? 'previous'} />}
        </>
      ) : (
        <ResultNote result={result} fallback={t('quota.noQuota')} />
      )}
    </section>
  );
}
