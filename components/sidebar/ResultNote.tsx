import type { DataNeed, KpiResult } from '@/lib/kpi';
import type { ShownResult } from '@/lib/views';
import { reasonWords, type MessageKey } from '@/lib/i18n';
import { useI18n } from '../common/i18n';

/** What each kind of missing input is, and what the rep can enter or connect to get it. */
export const NEED_KEYS: Record<DataNeed, MessageKey> = {
  deals: 'need.deals',
  wonDeals: 'need.wonDeals',
  openDeals: 'need.openDeals',
  activities: 'need.activities',
  leads: 'need.leads',
  leadLifecycle: 'need.leadLifecycle',
  customers: 'need.customers',
  mrrMovements: 'need.mrrMovements',
  spend: 'need.spend',
  quotas: 'need.quotas',
  stages: 'need.stages',
  lineItems: 'need.lineItems',
  costs: 'need.costs',
  regions: 'need.regions',
  channels: 'need.channels',
  stageHistory: 'need.stageHistory',
  emailTracking: 'need.emailTracking',
  churnReasons: 'need.churnReasons',
  churnDates: 'need.churnDates',
  dealAmounts: 'need.dealAmounts',
};

/** What a KPI without a number says instead: what data it needs and how to get it, or why it is not defined. */
export function ResultNote({ result, fallback }: { result: ShownResult | KpiResult | undefined; fallback: string }) {
  const { t } = useI18n();
  if (result?.status === 'needs-data') {
    return (
      <div className="note needs-data">
        <p>{t('kpi.needsData', { what: result.missing.map((need) => t(`${NEED_KEYS[need]}.what` as MessageKey)).join(', ') })}</p>
        <ul>
          {[...new Set(result.missing)].map((need) => (
            <li key={need}>{t(NEED_KEYS[need])}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (result?.status === 'not-defined' && result.code === 'not-for-one-rep') return <p className="note">{t('kpi.notForOneRep')}</p>;
  if (result?.status === 'not-defined') return <p className="note">{t('kpi.notDefined', { reason: reasonWords(t, result.reason) })}</p>;
  return <p className="note">{fallback}</p>;
}
