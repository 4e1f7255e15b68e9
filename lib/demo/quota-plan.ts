import { addMonths, localMidnight } from './calendar';
import type { PipelineKey } from './catalog';
import type { DemoContext } from './context';
import { toUsdMinor, type DealTrack } from './deals';
import type { RepProfile } from './org';

/** Quotas are set a little above what the team has been selling: a team lands near 95 %. */
const STRETCH = 1.05;
/** The smallest monthly quota of a full-time rep, USD minor units ($5,000). */
const FLOOR = 500_000;

/** Team leads sell part-time and carry half a quota. */
export const quotaShare = (rep: RepProfile): number => (rep.role === 'lead' ? 0.5 : 1);

/** A team's monthly quota per full-time rep, USD minor units, by local month `YYYY-MM`. */
export type QuotaPlan = { team: PipelineKey; perRep: ReadonlyMap<string, number> };

/**
 * The quota plan of a team, from the first month of the window's first quarter to the
 * last month of the current quarter. Each quarter's quota follows the team's sales trend
 * (a straight line fitted to the 12 complete months of the window, so a team whose book
 * grows gets a growing quota), plus the stretch; the three months of a quarter share one
 * figure, as sales plans do. It is read from the deals as first drawn; reps then time
 * their closes against it (closing.ts), which moves sales between months, not the total.
 */
export function quotaPlan(ctx: DemoContext, team: PipelineKey, reps: readonly RepProfile[], deals: readonly DealTrack[]): QuotaPlan {
  const months = Array.from({ length: 12 }, (_, i) => addMonths(ctx.firstMonth, i));
  const index = new Map(months.map((month, i) => [month, i]));
  const sales = months.map(() => 0);
  for (const { deal } of deals) {
    if (deal.status !== 'won' || deal.closedAt === undefined) continue;
    const i = index.get(monthOf(ctx, deal.closedAt));
    const amount = deal.convertedAmount ?? deal.amount;
    if (i !== undefined && amount) sales[i] = (sales[i] as number) + toUsdMinor(amount.minor, amount.currency);
  }
  const fte = reps.reduce((sum, rep) => sum + quotaShare(rep), 0) || 1;
  const trend = fitLine(sales);
  const mean = sales.reduce((sum, value) => sum + value, 0) / sales.length;
  const perRep = new Map<string, number>();
  const first = quarterStart(ctx.firstMonth);
  const last = addMonths(quarterStart(ctx.currentMonth), 2);
  for (let month = first; month <= last; month = addMonths(month, 3)) {
    const offset = monthsBetween(ctx.firstMonth, month);
    // The middle month of the quarter stands for the quarter; a shrinking fit never drops below a quarter of the mean.
    const teamMonthly = Math.max(mean / 4, trend(offset + 1));
    const minor = Math.max(FLOOR, Math.round((teamMonthly * STRETCH) / fte / 100_000) * 100_000);
    for (let i = 0; i < 3; i += 1) perRep.set(addMonths(month, i), minor);
  }
  return { team, perRep };
}

/** A rep's quota for a month, USD minor units (0 outside the plan). */
export function repQuota(plan: QuotaPlan, rep: RepProfile, month: string): number {
  return Math.round(((plan.perRep.get(month) ?? 0) * quotaShare(rep)) / 100_000) * 100_000;
}

export function monthOf(ctx: DemoContext, ms: number): string {
  return ctx.cal.day(ctx.cal.dayIndexAt(ms)).date.slice(0, 7);
}

export function monthStart(ctx: DemoContext, month: string): number {
  return localMidnight(`${month}-01`, ctx.cal.timeZone);
}

export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
export const quarterStart = (month: string) => `${month.slice(0, 5)}${String(Math.floor((Number(month.slice(5)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** Least-squares line through (i, values[i]); plain arithmetic, so every engine gets the same bits. */
function fitLine(values: readonly number[]): (x: number) => number {
  const n = values.length;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((value, x) => {
    sxy += (x - meanX) * (value - meanY);
    sxx += (x - meanX) * (x - meanX);
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return (x) => meanY + slope * (x - meanX);
}
