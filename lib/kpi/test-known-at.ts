/**
 * The data as it stood at an instant, rebuilt record by record from what the data holds now: the
 * oracle of the time-travel property test (as-of.property.test.ts). It is written from the spec's rule
 * ("nothing after it exists"), not from the engine's code, so that the engine reading the full data as
 * of D can be checked against the engine reading this data:
 * - a deal born (created, else first contact, else first stage entry) after the instant is absent; one
 *   closed after it is open, without close date, lost reason and probability (and without a stage when
 *   it has no stage history: the stage it closed in is not the one it was in); a first contact or last activity
 *   after it has not happened; its stage history keeps the visits up to it;
 * - an activity that neither happened nor was booked by then is absent; one booked but happening later
 *   is planned (not done);
 * - a lead created later is absent; its MQL, SQL and conversion later have not happened;
 * - a customer acquired later is absent; one churned later has not churned;
 * - MRR movements later are absent; spend for a month that starts later is absent.
 * Configuration (owners, teams, pipelines, stages, products, quotas, targets) stays. A production
 * version of this rewind (lib/forecast/known-at.ts) is being written for the forecast; the tests should
 * use it once it is on main.
 */
import type { Activity, Customer, Deal, Lead } from '../model';
import { localDateToInstant } from '../period/local-date';
import type { KpiData } from './types';

export function dataAsOf(data: KpiData, at: number, timeZone = 'UTC'): KpiData {
  const later = (t: number | undefined) => t !== undefined && t > at;
  const deals = data.deals.flatMap((deal): Deal[] => {
    const dates = [deal.createdAt ?? deal.firstContactAt, ...(deal.createdAt === undefined ? (deal.stageHistory ?? []).map((v) => v.enteredAt) : [])];
    const known = dates.filter((t): t is number => t !== undefined);
    if (known.length && Math.min(...known) > at) return [];
    const copy: Deal = { ...deal };
    if (deal.status !== 'open' && later(deal.closedAt)) {
      copy.status = 'open';
      delete copy.closedAt;
      delete copy.lostReason;
      // Its probability now is its outcome's; its stage now is where it closed, unless a history says otherwise.
      delete copy.probability;
      if (!deal.stageHistory?.length) delete copy.stageId;
    }
    if (later(deal.firstContactAt)) delete copy.firstContactAt;
    if (later(deal.lastActivityAt)) delete copy.lastActivityAt;
    if (deal.stageHistory?.some((v) => v.enteredAt > at)) {
      const kept = deal.stageHistory.filter((v) => v.enteredAt <= at);
      const byTime = [...(kept.length ? kept : deal.stageHistory)].sort((a, b) => a.enteredAt - b.enteredAt);
      copy.stageId = (kept.length ? byTime[byTime.length - 1] : byTime[0])?.stageId;
      copy.stageHistory = kept;
    }
    return [copy];
  });
  const activities = data.activities.flatMap((a): Activity[] => {
    if (a.occurredAt <= at) return [a];
    if (a.createdAt !== undefined && a.createdAt <= at) return [{ ...a, done: false }];
    return [];
  });
  const leads = data.leads.flatMap((lead): Lead[] => {
    if (lead.createdAt > at) return [];
    const copy: Lead = { ...lead };
    if (later(lead.mqlAt)) delete copy.mqlAt;
    if (later(lead.sqlAt)) delete copy.sqlAt;
    if (later(lead.convertedAt)) {
      delete copy.convertedAt;
      delete copy.convertedDealId;
      delete copy.convertedCustomerId;
      copy.status = 'open';
    }
    return [copy];
  });
  const customers = data.customers.flatMap((c): Customer[] => {
    if (later(c.acquiredAt)) return [];
    if (!later(c.churnedAt)) return [c];
    const copy: Customer = { ...c };
    delete copy.churnedAt;
    delete copy.churnReason;
    return [copy];
  });
  return {
    ...data,
    deals,
    activities,
    leads,
    customers,
    mrrMovements: data.mrrMovements.filter((m) => m.at <= at),
    spend: data.spend.filter((s) => (localDateToInstant(`${s.month}-01`, timeZone) ?? -Infinity) <= at),
  };
}
