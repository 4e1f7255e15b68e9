/** staleDeals: open deals with no activity for N days, or past their expected close date. */
import { tally, type ExclusionTally } from '../../money/convert';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { NEEDS_DEALS } from '../shared/needs-messages';
import { excludedList, msToDays, needsData, ok } from '../shared/result';
import type { BreakdownRow } from '../types';

export const definition = defineKpi({
  id: 'staleDeals',
  family: 'pipeline',
  name: { en: 'Deals at risk', ru: 'Сделки под угрозой' },
  formula: {
    en: 'Open deals with no activity for N days (14 by default), or past their expected close date.',
    ru: 'Открытые сделки без активности N дней (по умолчанию 14) или с прошедшей ожидаемой датой закрытия.',
  },
  needs: ['openDeals', 'activities'],
  unit: 'count',
  higherIsBetter: false,
  additive: true,
  parts: { staleDays: 'days', amount: 'money' },
});

/**
 * Open deals at risk at the window's instant (now, or the end of a period that is over): no activity for
 * `settings.staleDays` days or more by then (last activity from the CRM's own field or the activities
 * logged on the deal, else since the deal was created), or an expected close date that had passed.
 * Each row gives the reason.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.deals) return needsData(['deals'], NEEDS_DEALS);
    const asOf = w.info.openAt;
    const todayStart = w.info.todayStart;
    const staleDays = ctx.query.settings.staleDays;
    const rows: BreakdownRow[] = [];
    let unknown = 0;
    let inactive = 0;
    let overdue = 0;
    let amount = 0;
    for (const row of w.open) {
      const deal = row.deal;
      const logged = ctx.lastActivityOf(deal.externalId, asOf);
      const own = deal.lastActivityAt !== undefined && deal.lastActivityAt <= asOf ? deal.lastActivityAt : undefined;
      const last = logged === undefined ? own : own === undefined ? logged : Math.max(logged, own);
      const since = last ?? deal.createdAt;
      const idleDays = since !== undefined ? Math.max(0, msToDays(asOf - since)) : undefined;
      const isIdle = idleDays !== undefined && idleDays >= staleDays;
      const isOverdue = deal.expectedCloseAt !== undefined && deal.expectedCloseAt < todayStart;
      if (idleDays === undefined) unknown += 1;
      if (!isIdle && !isOverdue) continue;
      const extra: Record<string, number> = { noActivity: isIdle ? 1 : 0, pastCloseDate: isOverdue ? 1 : 0 };
      if (idleDays !== undefined) extra.idleDays = idleDays;
      const reasons: string[] = [];
      if (isIdle) {
        inactive += 1;
        reasons.push(last !== undefined ? `no activity for ${Math.floor(idleDays)} days` : `no activity since it was created ${Math.floor(idleDays)} days ago`);
      }
      if (isOverdue) {
        overdue += 1;
        // Calendar days between two local midnights; rounding absorbs a 23 or 25 hour day.
        const late = Math.round(msToDays(todayStart - (deal.expectedCloseAt as number)));
        extra.daysPastClose = late;
        reasons.push(`expected to close ${late} ${late === 1 ? 'day' : 'days'} ago`);
      }
      if (row.minor !== undefined) {
        amount += row.minor;
        extra.amount = row.minor;
      }
      rows.push({ key: deal.externalId, label: deal.title || deal.externalId, value: idleDays ?? 0, count: 1, extra, reason: reasons.join('; ') });
    }
    // Longest idle first; ties by id, and (for the duplicate ids raw input may hold) by content.
    rows.sort((a, b) => b.value - a.value || (a.key < b.key ? -1 : a.key > b.key ? 1 : JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const excluded: ExclusionTally = new Map();
    if (unknown) tally(excluded, 'no activity and no created date (idle time unknown)', unknown);
    return ok({
      value: rows.length,
      unit: 'count',
      counts: { stale: rows.length, openDeals: w.open.length, noActivity: inactive, pastCloseDate: overdue },
      parts: { staleDays, amount },
      recordType: 'deal',
      recordIds: rows.map((r) => r.key),
      breakdown: rows,
      excluded: excludedList(excluded),
    });
  },
};
