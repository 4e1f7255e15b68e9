import type { ShownResult } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { changeOf, changeText } from './format';

/**
 * "+1.5 pp vs Nov 1 – 6" (a period in progress: the same days of the comparison), "+12% vs previous
 * period" (a period that is over); green when it is good news for this KPI, red when not, and neither
 * when the figure or the one it is compared with rests on too small a sample.
 */
export function Change({ result, against }: { result: ShownResult | undefined; against: 'previous' | 'last-year' | 'none' }) {
  const i18n = useI18n();
  const change = changeOf(result);
  // Sales growth is itself a comparison: it says what it compares with (the same days, while the period runs).
  if (result?.id === 'salesGrowth' && result.comparison && (result.status === 'ok' || result.status === 'low-sample')) {
    const span = result.partial ? i18n.dayRange(result.comparison.start, result.comparison.end) : i18n.period(result.comparison.start, result.comparison.end);
    return <span className="change change-muted">{i18n.t('change.against', { span })}</span>;
  }
  if (!change || against === 'none' || !result) return null;
  const text = changeText(change, i18n);
  const span = result.partial && result.comparison ? i18n.dayRange(result.comparison.start, result.comparison.end) : undefined;
  const label =
    span !== undefined
      ? i18n.t(change.muted ? 'change.lowSample' : 'change.span', { change: text, span })
      : i18n.t(against === 'last-year' ? 'change.lastYear' : 'change.previous', { change: text });
  const tone = change.muted ? 'change-muted' : change.good ? 'change-good' : 'change-bad';
  return (
    <span className={`change ${tone}`} data-change={change.change} data-change-unit={change.unit}>
      {label}
    </span>
  );
}

/** The status against the rep's target or an enabled benchmark: on track, at risk, off track (never on a small sample). */
export function Status({ result }: { result: ShownResult | undefined }) {
  const { t } = useI18n();
  const status = result?.status === 'ok' ? (result.judged?.status ?? result.target?.status) : undefined;
  if (!status) return null;
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}
