import type { ContactMethod, Quota, Spend, Target } from '../model';
import { addMonths, DAY, localMidnight } from './calendar';
import type { DemoContext } from './context';
import { toUsdMinor, type DealTrack } from './deals';
import type { Org, RepProfile } from './org';
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

const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5)) - 1) / 3) + 1}`;
const quarterStart = (month: string) => `${month.slice(0, 5)}${String(Math.floor((Number(month.slice(5)) - 1) / 3) * 3 + 1).padStart(2, '0')}`;

/**
 * Quotas per rep per month and per quarter, and one per team per quarter. They are
 * set from what a full-time rep of the team actually sold over the window, plus 10 %
 * stretch, growing a little each quarter: the team lands near 90–100 %, the top
 * performer above, the struggling rep well below. Team leads carry half a quota.
 */
export function quotaRecords(ctx: DemoContext, org: Org, deals: readonly DealTrack[]): Quota[] {
  const windowEnd = localMidnight(`${ctx.currentMonth}-01`, ctx.cal.timeZone);
  const won: Record<'nb' | 'exp', number> = { nb: 0, exp: 0 };
  for (const { deal, pipeline } of deals) {
    if (deal.status !== 'won' || deal.closedAt === undefined || deal.closedAt < ctx.windowStart || deal.closedAt >= windowEnd) continue;
    const amount = deal.convertedAmount ?? deal.amount;
    if (amount) won[pipeline] += toUsdMinor(amount.minor, amount.currency);
  }
  const perRep = (team: 'nb' | 'exp') => {
    const capacity = org.byTeam[team].reduce((sum, rep) => sum + rep.capacity, 0);
    return Math.max(500_000, (won[team] / capacity / 12) * 1.1);
  };
  const base = { nb: perRep('nb'), exp: perRep('exp') };

  const records: Quota[] = [];
  const firstQuarter = quarterStart(ctx.firstMonth);
  const lastMonth = addMonths(quarterStart(ctx.currentMonth), 2);
  const quarterTotals = new Map<string, { start: string; team: Record<'nb' | 'exp', number>; rep: Map<RepProfile, number> }>();
  for (let month = firstQuarter, i = 0; month <= lastMonth; month = addMonths(month, 1), i += 1) {
    const growth = 0.92 + 0.04 * Math.floor(i / 3);
    const quarter = quarterOf(month);
    const totals = quarterTotals.get(quarter) ?? { start: `${quarterStart(month)}-01`, team: { nb: 0, exp: 0 }, rep: new Map() };
    quarterTotals.set(quarter, totals);
    for (const rep of org.reps) {
      const share = rep.role === 'lead' ? 0.5 : 1;
      const minor = Math.round((base[rep.team] * share * growth) / 100_000) * 100_000;
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
  const setAt = localMidnight(startDate, ctx.cal.timeZone) - 14 * DAY;
  const updatedAt = Math.min(ctx.asOf, Math.max(ctx.historyStart, setAt));
  return { source: ctx.source, externalId, updatedAt, ...who, periodKind, startDate, endDate, amount: { minor, currency: 'USD' } };
}

/** The team's activity targets (owner-less defaults) and a couple of per-rep overrides. */
export function targetRecords(ctx: DemoContext, org: Org): Target[] {
  const base = { source: ctx.source, updatedAt: ctx.historyStart };
  const defaults: Target[] = [
    { ...base, externalId: 'target-calls-day', metric: 'calls', per: 'day', value: 40 },
    { ...base, externalId: 'target-emails-day', metric: 'emails', per: 'day', value: 30 },
    { ...base, externalId: 'target-meetings-day', metric: 'meetings', per: 'day', value: 3 },
    { ...base, externalId: 'target-demos-week', metric: 'demos', per: 'week', value: 5 },
  ];
  const nbLead = org.byTeam.nb.find((rep) => rep.role === 'lead');
  const expLead = org.byTeam.exp.find((rep) => rep.role === 'lead');
  const overrides: Target[] = [];
  // Team leads sell part-time, so they carry half the call target.
  if (nbLead) overrides.push({ ...base, externalId: `target-${nbLead.id}-calls-day`, ownerId: nbLead.id, metric: 'calls', per: 'day', value: 20 });
  // Account managers meet customers more than they call prospects.
  if (expLead) overrides.push({ ...base, externalId: `target-${expLead.id}-meetings-day`, ownerId: expLead.id, metric: 'meetings', per: 'day', value: 4 });
  return [...defaults, ...overrides];
}
