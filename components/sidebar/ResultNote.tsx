import type { KpiResult } from '../../lib/kpi/types';
import { useI18n } from '../common/i18n';

/** What a KPI without a number says instead: what data it needs, or why it is not defined. */
export function ResultNote({ result, fallback }: { result: KpiResult | undefined; fallback: string }) {
  const { t } = useI18n();
  if (result?.status === 'needs-data') return <p className="note">{t('kpi.needsData', { what: result.missing.join(', ') })}</p>;
  if (result?.status === 'not-defined') return <p className="note">{t('kpi.notDefined', { reason: result.reason })}</p>;
  return <p className="note">{fallback}</p>;
}
