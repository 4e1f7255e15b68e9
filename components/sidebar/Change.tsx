import type { ShownResult } from '../../lib/views/lean';
import { useI18n } from '../common/i18n';
import { changeOf } from './format';

/** "+12.5% vs previous period", green when it is good news for this KPI, red when not. */
export function Change({ result, against }: { result: ShownResult | undefined; against: 'previous' | 'last-year' | 'none' }) {
  const i18n = useI18n();
  const change = changeOf(result);
  if (!change || against === 'none') return null;
  return (
    <span className={`change ${change.good ? 'change-good' : 'change-bad'}`}>
      {i18n.t(against === 'last-year' ? 'change.lastYear' : 'change.previous', { change: i18n.change(change.change) })}
    </span>
  );
}

/** The status against the rep's target or an enabled benchmark: on track, at risk, off track. */
export function Status({ result }: { result: ShownResult | undefined }) {
  const { t } = useI18n();
  const status = result?.status === 'ok' ? (result.judged?.status ?? result.target?.status) : undefined;
  if (!status) return null;
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>;
}
