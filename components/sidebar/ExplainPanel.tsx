import { useEffect, useRef, type KeyboardEvent } from 'react';
import { KPI_DEFINITIONS, hasValue } from '@/lib/kpi';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../common/i18n';
import { Change, Status } from './Change';
import { countLines, ratioLine } from './explain-inputs';
import { formatResult, kpiName } from './format';
import { RecordList, type LoadRecords } from './RecordList';
import { ResultNote } from './ResultNote';
import { CoverageNotes, PartialNote, SampleNote } from './SampleNote';
import type { ExplainTarget } from './sidebar-context';

const METHOD_KEYS: Record<string, MessageKey> = {
  'stage-history': 'method.stageHistory',
  'current-stage': 'method.currentStage',
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
 * A modal dialog inside the sidebar: focus moves in, Tab stays in, Escape closes and focus returns.
 */
export function ExplainPanel({ target, currency, loadRecords, onClose }: ExplainPanelProps) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const { kpi, result } = target;
  const definition = KPI_DEFINITIONS[kpi];

  useEffect(() => {
    close.current?.focus();
    const opener = target.opener;
    return () => opener?.focus();
  }, [target]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  const ok = hasValue(result) ? result : undefined;
  const method = ok?.method;
  const methodText = result?.methodName?.[locale] ?? (method ? (METHOD_KEYS[method] ? t(METHOD_KEYS[method]) : method) : undefined);
  const ratio = result ? ratioLine(result, currency, i18n) : undefined;
  const counts = result ? countLines(result, i18n) : [];

  return (
    <div className="explain-backdrop">
      <div ref={panel} className="explain" role="dialog" aria-modal="true" aria-labelledby="explain-title" onKeyDown={onKeyDown}>
        <div className="explain-head">
          <h2 id="explain-title">{kpiName(kpi, i18n)}</h2>
          <button ref={close} type="button" className="icon-button" aria-label={t('explain.close')} onClick={onClose}>
            ×
          </button>
        </div>
        {ok && (
          <p className={ok.status === 'low-sample' ? 'headline low-sample' : 'headline'}>
            <span>{formatResult(ok, i18n)}</span>
            <Status result={ok} />
          </p>
        )}
        <SampleNote result={ok} />
        {ok && <Change result={ok} against={target.selection.compare ?? 'previous'} />}
        {result && <p className="muted">{t('explain.period', { period: result.period.label })}</p>}
        <PartialNote result={result} />
        <CoverageNotes result={ok} />
        <h3>{t('explain.formula')}</h3>
        <p>{definition.formula[locale]}</p>
        {methodText && (
          <p>
            <strong>{t('explain.method')}</strong> {methodText}
          </p>
        )}
        {result?.methodNote && <p className="note">{t('explain.methodNote', { reason: result.methodNote })}</p>}
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
        {ok?.excluded && ok.excluded.length > 0 && (
          <>
            <h3>{t('explain.excluded')}</h3>
            <ul className="excluded">
              {ok.excluded.map((item) => (
                <li key={item.reason}>{t('explain.excludedItem', { count: item.count, reason: item.reason })}</li>
              ))}
            </ul>
          </>
        )}
        {ok && ok.recordCount > 0 && <RecordList key={`${kpi}:${JSON.stringify(target.selection)}`} load={loadRecords} titleId="explain-records" />}
      </div>
    </div>
  );
}
