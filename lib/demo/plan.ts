import { DAY_MS } from '../period/units';
import type { ContactMethod, Quota, Spend } from '../model';
import { addMonths, localMidnight } from './calendar';
import type { PipelineKey } from './catalog';
import type { DemoContext } from './context';
import type { Org, RepProfile } from './org';
import { quarterOf, quarterStart, repQuota, type QuotaPlan } from './quota-plan';
import type { Rng } from './random';

/** Monthly spend per channel at scale 1, USD. Events cost most in the spring and autumn show seasons. */
const SPEND: readonly { kind: Spend['kind']; channel: ContactMethod; usd: number; note: string }[] = [
  { kind: 'marketing', channel: 'inbound', usd: 72_000, note: 'Paid search, SEO and content' },
  { kind: 'marketing', channel: 'social', usd: 25_000, note: 'LinkedIn and Telegram ads' },
  { kind: 'marketing', channel: 'event', usd: 34_000, note: 'Trade shows and webinars' },
  { kind: 'marketing', channel: 'email', usd: 10_000, note: 'Email tooling and lists' },
  { kind: 'marketing', channel: 'referral', usd: 15_000, note: 'Partner and customer referral fees' },
  { kind: 'marketing', channel: 'other', usd: 6_000, note: 'Brand and misc.' },
  { kind: 'sales', channel: 'call', usd: 95_000, note: 'SDR salaries and dialer' },
  { kind: 'sales', channel: 'email', usd: 42_000, note: 'Outbound sequences and data' },
  { kind: 'sales', channel: 'social', usd: 13_000, note: 'Social selling licences' },
  { kind: 'sales', channel: 'event', usd: 21_000, note: 'Travel to events' },
  { kind: 'sales', channel: 'referral', usd: 10_000, note: 'Partner management' },
];
const EVENT_SEASON = new Set(['03', '04', '05', '09', '10', '11']);

/** What the company spent each month of the window, for CAC and cost per contact method. */
export function spendRecords(ctx: DemoContext, rng: Rng): Spend[] {
  const records: Spend[] = [];
  for (let month = ctx.firstMonth, i = 0; month <= ctx.currentMonth; month = addMonths(month, 1), i += 1) {
    const updatedAt = Math.min(ctx.asOf, localMidnight(`${month}-01`, ctx.cal.timeZone));
    for (const line of SPEND) {
      const season = line.channel === 'event' ? (EVENT_SEASON.has(month.slice(5)) ? 1.5 : 0.5) : 1;
      const usd = line.usd * ctx.scale * season * (1 + 0.012 * i) * rng.between(0.9, 1.1);
      records.push({
        source: ctx.source,
        externalId: `spend-${month}-${line.kind}-${line.channel}`,
        updatedAt,
        month,
        kind: line.kind,
        channel: line.channel,
        amount: { minor: Math.round(usd / 100) * 100 * 100, currency: 'USD' },
        note: line.note,
      });
    }
  }
  return records;
}

/**
 * Quotas per rep per month and per quarter, and one per team per quarter, from each
 * team's quota plan (quota-plan.ts): the quarter's quota is the sum of its months,
 * the team's the sum of its people's. Team leads carry half a quota.
 */
export function quotaRecords(ctx: DemoContext, org: Org, plans: Record<PipelineKey, QuotaPlan>): Quota[] {
  const records: Quota[] = [];
  const firstQuarter = quarterStart(ctx.firstMonth);
  const lastMonth = addMonths(quarterStart(ctx.currentMonth), 2);
  const quarterTotals = new Map<string, { start: string; team: Record<PipelineKey, number>; rep: Map<RepProfile, number> }>();
  for (let month = firstQuarter; month <= lastMonth; month = addMonths(month, 1)) {
    const quarter = quarterOf(month);
    const totals = quarterTotals.get(quarter) ?? { start: `${quarterStart(month)}-01`, team: { nb: 0, exp: 0 }, rep: new Map() };
    quarterTotals.set(quarter, totals);
    for (const rep of org.reps) {
      const minor = repQuota(plans[rep.team], rep, month);
      totals.rep.set(rep, (totals.rep.get(rep) ?? 0) + minor);
      totals.team[rep.team] += minor;
      records.push(quota(ctx, `quota-${rep.id}-${month}`, { ownerId: rep.id }, 'month', `${month}-01`, `${addMonths(month, 1)}-01`, minor));
    }
  }
  for (const [quarter, totals] of quarterTotals) {
    const end = `${addMonths(totals.start.slice(0, 7), 3)}-01`;
    for (const [rep, minor] of totals.rep) {
      records.push(quota(ctx, `quota-${rep.id}-${quarter}`, { ownerId: rep.id }, 'quarter', totals.start, end, minor));
    }
    for (const team of ['nb', 'exp'] as const) {
      records.push(quota(ctx, `quota-${org.teamId[team]}-${quarter}`, { teamId: org.teamId[team] }, 'quarter', totals.start, end, totals.team[team]));
    }
  }
  return records;
}

function quota(
  ctx: DemoContext,
  externalId: string,
  who: { ownerId: string } | { teamId: string },
  periodKind: Quota['periodKind'],
  startDate: string,
  endDate: string,
  minor: number,
): Quota {
  // Set two weeks before the period starts (never after asOf, never before the history).
  const setAt = localMidnight(startDate, ctx.cal.timeZone) - 14 * DAY_MS;
  const updatedAt = Math.min(ctx.asOf, Math.max(ctx.historyStart, setAt));
  return { source: ctx.source, externalId, updatedAt, ...who, periodKind, startDate, endDate, amount: { minor, currency: 'USD' } };
}
