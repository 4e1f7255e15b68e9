/**
 * The deals that matter, from the open deals' outlooks:
 * - top deals: ranked by expected contribution to this period (probability × amount);
 * - at risk: live deals (an activity within `staleDays`, or a close date ahead) that are slipping
 *   (the close date has passed, idle `staleDays` or more, or due this period while deals like it
 *   rarely close that fast), and deals neither live nor dead yet;
 * - clean up: not live, idle `deadDays` or more, and past their close date or without one.
 * Ties are broken by deal id, so the lists never depend on the order of the records.
 */
import { DAY_MS } from '../period';
import { ACTION_TEXT, REASON_TEXT } from './texts';
import type { DealActionKind, DealAlert, DealOutlook, RiskReason } from './types';

/** Due this period but with a chance below this of closing by then: slipping. */
export const UNLIKELY_PROBABILITY = 0.2;

export type ListOptions = {
  /** Local midnight that starts the day of asOf: close dates before it have passed. */
  todayStart: number;
  periodEnd: number;
  staleDays: number;
  deadDays: number;
  /** False when no activity is on record: idleness is then the age, and reads as such. */
  hasActivity: boolean;
  top: number;
};

export type DealLists = { topDeals: DealOutlook[]; atRisk: DealAlert[]; cleanUp: DealAlert[] };

export function byExpected(a: DealOutlook, b: DealOutlook): number {
  return b.expected - a.expected || b.probability - a.probability || (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0);
}

export function dealLists(outlooks: readonly DealOutlook[], options: ListOptions): DealLists {
  const ranked = [...outlooks].sort(byExpected);
  const atRisk: DealAlert[] = [];
  const cleanUp: DealAlert[] = [];
  for (const deal of ranked) {
    const verdict = classify(deal, options);
    if (verdict.list === 'at-risk') atRisk.push(alert(deal, verdict, options));
    else if (verdict.list === 'clean-up') cleanUp.push(alert(deal, verdict, options));
  }
  cleanUp.sort((a, b) => (b.idleDays ?? 0) - (a.idleDays ?? 0) || (a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0));
  return { topDeals: ranked.slice(0, options.top), atRisk, cleanUp };
}

type Verdict = { list: 'at-risk' | 'clean-up' | 'fine'; reasons: RiskReason[]; idle: number | null };

export function classify(deal: DealOutlook, options: ListOptions): Verdict {
  const close = deal.expectedCloseAt;
  const past = close !== undefined && close < options.todayStart;
  const ahead = close !== undefined && close >= options.todayStart;
  // Without activities on record, the time since the deal was created is all that is known.
  const idle = options.hasActivity ? deal.idleDays : deal.ageDays;
  const recent = options.hasActivity && idle !== null && idle < options.staleDays;
  const live = recent || ahead;
  const reasons: RiskReason[] = [];
  if (past) reasons.push('past-close-date');
  if (close === undefined) reasons.push('no-close-date');
  if (idle !== null && idle >= options.staleDays) reasons.push(options.hasActivity ? 'idle' : 'open-long');
  if (ahead && (close as number) < options.periodEnd && deal.probability < UNLIKELY_PROBABILITY) reasons.push('unlikely-this-period');
  if (!live && idle !== null && idle >= options.deadDays) return { list: 'clean-up', reasons, idle };
  if (live) {
    const slipping = reasons.some((r) => r !== 'no-close-date');
    return { list: slipping ? 'at-risk' : 'fine', reasons, idle };
  }
  // Neither live nor dead yet: idle a while, or past its close date; a missing close date alone is not slipping.
  return { list: reasons.some((r) => r !== 'no-close-date') ? 'at-risk' : 'fine', reasons, idle };
}

function alert(deal: DealOutlook, verdict: Verdict, options: ListOptions): DealAlert {
  const close = deal.expectedCloseAt;
  const daysPastClose = close !== undefined && close < options.todayStart ? Math.round((options.todayStart - close) / DAY_MS) : undefined;
  const idleWhole = verdict.idle === null ? 0 : Math.floor(verdict.idle);
  const reasons = verdict.reasons.map((reason) => ({
    reason,
    text: REASON_TEXT[reason],
    params: ((): Record<string, number> =>
      reason === 'past-close-date'
        ? { days: daysPastClose ?? 0 }
        : reason === 'idle' || reason === 'open-long'
          ? { days: idleWhole }
          : reason === 'unlikely-this-period'
            ? { percent: Math.round(deal.probability * 100) }
            : {})(),
  }));
  const actions: DealActionKind[] = [];
  if (verdict.list === 'clean-up') actions.push('mark-lost', 'update-close-date');
  else {
    if (verdict.reasons.includes('past-close-date') || verdict.reasons.includes('no-close-date') || verdict.reasons.includes('unlikely-this-period')) {
      actions.push('update-close-date');
    }
    if (verdict.reasons.includes('idle') || verdict.reasons.includes('open-long') || verdict.reasons.includes('unlikely-this-period'))
      actions.push('log-activity');
  }
  return {
    dealId: deal.dealId,
    source: deal.source,
    ...(deal.url !== undefined ? { url: deal.url } : {}),
    title: deal.title,
    ownerId: deal.ownerId,
    ownerName: deal.ownerName,
    amount: deal.amount,
    amountSource: deal.amountSource,
    probability: deal.probability,
    expected: deal.expected,
    idleDays: verdict.idle,
    ...(close !== undefined ? { expectedCloseAt: close } : {}),
    ...(daysPastClose !== undefined ? { daysPastClose } : {}),
    reasons,
    actions: actions.map((action) => ({ action, text: ACTION_TEXT[action] })),
  };
}
