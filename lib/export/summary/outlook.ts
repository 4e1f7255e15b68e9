/**
 * The forecast and the plan for the coming week in a weekly summary section: where the period holding
 * "now" will end (lib/forecast, the sidebar's forecast card), and the plan to quota laid onto the coming
 * week (the week after the summary's): its working days left, and the calls and meetings they need at
 * the plan's daily pace; inputs too thin to use are named, as on the plan card.
 */
import { forecast, type Plan } from '../../forecast';
import type { KpiData, KpiQuery, KpiScope } from '../../kpi/types';
import { periodContaining, workingDaysIn, type Period } from '../../period';
import { quotaOf } from '../../views/forecast-view';
import type { DealRef, SummaryOutlook, SummarySection } from './types';
import { shiftWeek } from './week';

/** Deals to work listed in the summary. */
const DEALS = 3;

export type OutlookContext = { data: KpiData; basics: Pick<KpiQuery, 'calendar' | 'currency' | 'settings'>; week: Period; asOf: number };

function scopeOf(section: Pick<SummarySection, 'kind' | 'ownerIds'>): KpiScope {
  return section.kind === 'all' ? { ownerIds: 'all' } : { ownerIds: [...section.ownerIds] };
}

export function sectionOutlook(ctx: OutlookContext, section: Pick<SummarySection, 'kind' | 'ownerIds'>): SummaryOutlook {
  const { data, basics, asOf } = ctx;
  const { calendar, currency } = basics;
  const period = periodContaining('month', asOf, calendar);
  const scope = scopeOf(section);
  const quota = quotaOf({ data, period, asOf, scope, basics });
  const result = forecast({ data, period, asOf, scope, calendar, currency, ...(quota !== undefined ? { quota } : {}) });
  if (result.status !== 'ok') return { status: 'none', reason: result.missing.includes('deals') ? 'no-deals' : 'no-history' };
  // The coming week is the next one with a working day still ahead: for a past week's summary (or on a
  // weekend) the week after the summary's has passed or has no working day left.
  let coming = shiftWeek(ctx.week, 1, calendar);
  const daysAhead = (week: typeof coming) => {
    const from = Math.max(week.start, asOf);
    const to = Math.min(week.end, period.end);
    return from < to ? workingDaysIn({ start: from, end: to }, calendar) : 0;
  };
  if (coming.end <= asOf) coming = periodContaining('week', asOf, calendar);
  if (daysAhead(coming) === 0 && coming.end < period.end) coming = shiftWeek(coming, 1, calendar);
  const workingDays = daysAhead(coming);
  const plan: Plan = result.plan;
  // An open-by date already past is no advice: say it is too late on the rep's cycle instead.
  const tooLate = plan.notes.find((note) => note.code === 'too-late-to-open');
  const times = (perDay: number | null) => (perDay === null ? null : Math.ceil(perDay * workingDays));
  const deals = result.topDeals.slice(0, DEALS).map((deal): DealRef & { probability: number; expected: number } => ({
    id: deal.dealId,
    title: deal.title,
    ...(deal.url !== undefined ? { url: deal.url } : {}),
    owner: deal.ownerName,
    ...(deal.stageName !== undefined ? { stage: deal.stageName } : {}),
    ...(deal.amount !== null ? { amount: deal.amount } : {}),
    ...(deal.expectedCloseAt !== undefined ? { expectedCloseAt: deal.expectedCloseAt } : {}),
    probability: deal.probability,
    expected: deal.expected,
  }));
  return {
    status: 'ok',
    period: { label: period.label, start: period.start, end: period.end },
    wonSoFar: result.wonSoFar.amount,
    p10: result.revenue.p10,
    p50: result.revenue.p50,
    p90: result.revenue.p90,
    quota: result.quota,
    probabilityOfQuota: result.probabilityOfQuota,
    plan: {
      status: plan.status,
      gap: plan.gap,
      dealsToWin: plan.steps.dealsToWin.value,
      dealsToOpen: plan.steps.dealsToOpen.value,
      openBy: tooLate ? null : plan.steps.openBy.value,
      ...(tooLate ? { tooLateDays: Number(tooLate.params?.days ?? 0) } : {}),
      week: {
        label: coming.label,
        start: coming.start,
        end: coming.end,
        workingDays,
        calls: times(plan.steps.callsPerDay.value),
        meetings: times(plan.steps.meetingsPerDay.value),
      },
      missing: plan.missing.map((m) => ({
        input: m.input,
        status: m.status,
        ...(m.n !== undefined ? { n: m.n } : {}),
        ...(m.min !== undefined ? { min: m.min } : {}),
      })),
    },
    deals,
  };
}
