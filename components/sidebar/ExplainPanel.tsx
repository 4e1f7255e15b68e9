import { KPI_DEFINITIONS, hasValue } from '@/lib/kpi';
import { reasonWords, type MessageKey } from '@/lib/i18n';
import { useI18n } from '../common/i18n';
import { Change, Status } from './Change';
import { ExplainDialog } from './ExplainDialog';
import { countLines, partLines, ratioLine, workingDaysLine } from './explain-inputs';
import { formatResult, kpiName } from './format';
import { RecordList, type LoadRecords } from './RecordList';
import { ResultNote } from './ResultNote';
import { CoverageNotes, PartialNote, SampleNote } from './SampleNote';
import type { ExplainTarget } from './sidebar-context';

/** Every `method` a KPI can report, in words; an unknown one is not shown (never its engine id). */
export const METHOD_KEYS: Record<string, MessageKey> = {
  'stage-history': 'method.stageHistory',
  'current-stage': 'method.currentStage',
  'sum-of-rep-quotas': 'method.sumOfRepQuotas',
  'team-quota': 'method.teamQuota',
  costs: 'method.costs',
  'costs-and-default-margin': 'method.costsAndDefaultMargin',
  'cold-emails': 'method.coldEmails',
  'all-tracked-outbound': 'method.allTrackedOutbound',
  'list-price-estimate': 'method.listPriceEstimate',
  predictive: 'method.predictive',
  historical: 'method.historical',
  wonAmount: 'metric.wonAmount',
  quotaAttainment: 'metric.quotaAttainment',
  activities: 'metric.activities',
  winRate: 'metric.winRate',
  dealsCreated: 'metric.dealsCreated',
  dealsWon: 'metric.dealsWon',
};

export type ExplainPanelProps = { target: ExplainTarget; currency: string; loadRecords: LoadRecords; onClose: () => void };

/**
 * How a number was computed: the formula (from the KPI registry, in the UI language), its inputs
 * ("12 of 40 leads"), the method where there is a choice (CLV model, funnel basis), what was left
 * out and why, what to enter when data is missing, and the records behind it, linked to the CRM.
 * Shown in the explain dialog (ExplainDialog).
 */
export function ExplainPanel({ target, currency, loadRecords, onClose }: ExplainPanelProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const { kpi, result } = target;
  const definition = KPI_DEFINITIONS[kpi];

  const ok = hasValue(result) ? result : undefined;
  const method = ok?.method;
  const methodKey = method ? METHOD_KEYS[method] : undefined;
  const methodText = result?.methodName?.[locale] ?? (methodKey ? t(methodKey) : undefined);
  const ratio = result ? ratioLine(result, currency, i18n) : undefined;
  const days = result ? workingDaysLine(result, i18n) : undefined;
  const counts = result ? [...countLines(result, i18n), ...(days ? [days] : [])] : [];
  const parts = result ? partLines(result, currency, i18n) : [];

  return (
    <ExplainDialog title={kpiName(kpi, i18n)} opener={target.opener} onClose={onClose}>
      {ok && (
        <p className={ok.status === 'low-sample' ? 'headline low-sample' : 'headline'}>
          <span>{formatResult(ok, i18n)}</span>
          <Status result={ok} />
        </p>
      )}
      <SampleNote result={ok} />
      {ok && <Change result={ok} against={target.selection.compare ?? 'previous'} />}
      {result && <p className="muted">{t('explain.period', { period: i18n.period(result.period.start, result.period.end) })}</p>}
      <PartialNote result={result} />
      <CoverageNotes result={ok} />
      <h3>{t('explain.formula')}</h3>
      <p>{definition.formula[locale]}</p>
      {methodText && (
        <p>
          <strong>{t('explain.method')}</strong> {methodText}
        </p>
      )}
      {/* The fit's own reason ("the likelihood keeps rising as b → ∞") is for the CLI; the rep reads what it means. */}
      {result?.methodNote && <p className="note">{t('explain.methodFallback')}</p>}
      {!ok && <ResultNote result={result} fallback={t('explain.noResult')} />}
      {(ratio || counts.length > 0) && (
        <>
          <h3>{t('explain.inputs')}</h3>
          <ul className="inputs">
            {ratio && <li>{ratio}</li>}
            {counts.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {parts.length > 0 && (
        <>
          <h3>{t('explain.parts')}</h3>
          <ul className="inputs parts">
            {parts.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {ok?.excluded && ok.excluded.length > 0 && (
        <>
          <h3>{t('explain.excluded')}</h3>
          <ul className="excluded">
            {ok.excluded.map((item) => (
              <li key={item.reason}>{t('explain.excludedItem', { count: item.count, reason: reasonWords(t, item.reason) })}</li>
            ))}
          </ul>
        </>
      )}
      {ok && ok.recordCount > 0 && <RecordList key={`${kpi}:${JSON.stringify(target.selection)}`} load={loadRecords} titleId="explain-records" />}
    </ExplainDialog>
  );
}
