/**
 * The summary on the demo data set (seeded, fixed asOf) against figures computed here independently,
 * with plain loops over the records: no lib/kpi, nothing of lib/period but DAY_MS. Week 2025-W23 in Berlin (summer time,
 * UTC+2) is Mon 2 Jun 00:00 = 1 Jun 22:00Z to Mon 9 Jun 00:00 = 8 Jun 22:00Z.
 */
import { DAY_MS } from '../../period/units';
import { describe, expect, it } from 'vitest';
import { DEMO_EXCHANGE_RATES, generateDemoData } from '../../demo';
import type { Deal } from '../../model';
import { buildWeeklySummary } from './build';
import type { SummarySection, WeeklySummary } from './types';

const ASOF = Date.UTC(2025, 5, 11, 10); // Wed 11 Jun 2025 12:00 CEST
const START = Date.UTC(2025, 5, 1, 22);
const END = START + 7 * DAY_MS; // no clock change in June
const PREV = START - 7 * DAY_MS;
const LAST_DAY = END - DAY_MS; // Sun 8 Jun 00:00 CEST: the pipeline is taken at the end of that day, "past its expected close date" counts from it
const JUNE = Date.UTC(2025, 4, 31, 22); // 1 Jun 00:00 CEST
const JULY = Date.UTC(2025, 5, 30, 22);
const KEYWORDS = ['demo', 'trial', 'демо', 'презентац'];
const STALE_DAYS = 14;

const data = generateDemoData({ asOf: ASOF, seed: 7, timeZone: 'Europe/Berlin' });
const basics = {
  calendar: { timeZone: 'Europe/Berlin', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 },
  currency: { reporting: 'USD', rates: { ...DEMO_EXCHANGE_RATES } },
  settings: { demoKeywords: KEYWORDS, staleDays: STALE_DAYS },
};
const teamLead = data.owners.find((o) => o.externalId === data.teamLeadOwnerId)!;
const team = buildWeeklySummary(data, { now: ASOF, basics, audience: { teamId: teamLead.teamId! }, viewerId: teamLead.externalId });

/** USD cents of a deal: the CRM's USD conversion, else the amount in USD, else amount × the demo rate (EUR and RUB have 2 decimals, like USD). */
function usd(deal: Deal): number | undefined {
  if (deal.convertedAmount?.currency === 'USD') return deal.convertedAmount.minor;
  if (!deal.amount) return undefined;
  if (deal.amount.currency === 'USD') return deal.amount.minor;
  const rate = DEMO_EXCHANGE_RATES[deal.amount.currency];
  return rate === undefined ? undefined : Math.round(deal.amount.minor * rate);
}
const doneOnDeal = new Map<string, number[]>();
for (const a of data.activities) if (a.done && a.dealId) doneOnDeal.set(a.dealId, [...(doneOnDeal.get(a.dealId) ?? []), a.occurredAt]);
const sum = (deals: Deal[]) => deals.reduce((total, deal) => total + (usd(deal) ?? 0), 0);
const within = (t: number | undefined, from: number, to: number) => t !== undefined && t >= from && t < to;

function expectedFor(members: ReadonlySet<string>, from: number, to: number) {
  const deals = data.deals.filter((d) => members.has(d.ownerId));
  const done = data.activities.filter((a) => members.has(a.ownerId) && a.done && within(a.occurredAt, from, to));
  const count = (type: string) => done.filter((a) => a.type === type).length;
  const demos = data.activities.filter((a) => {
    if (!members.has(a.ownerId) || a.type !== 'meeting' || !within(a.createdAt ?? a.occurredAt, from, to)) return false;
    const subtype = a.subtype?.toLowerCase();
    const title = a.title?.toLowerCase();
    return subtype === 'demo' || subtype === 'trial' || KEYWORDS.some((k) => subtype?.includes(k) || title?.includes(k));
  }).length;
  const created = deals.filter((d) => within(d.createdAt, from, to));
  const won = deals.filter((d) => d.status === 'won' && within(d.closedAt, from, to));
  const lost = deals.filter((d) => d.status === 'lost' && within(d.closedAt, from, to));
  return { done, calls: count('call'), emails: count('email'), meetings: count('meeting'), demos, created, won, lost };
}

/** A metric's weekly target summed over the reps: each rep's own target, else the one for everyone; per day × 5 working days, per week × 1. */
function weekTarget(members: readonly string[], metric: string): number | undefined {
  let total = 0;
  let any = false;
  for (const id of members) {
    const own = data.targets.filter((t) => t.metric === metric && t.ownerId === id);
    const general = data.targets.filter((t) => t.metric === metric && t.ownerId === undefined);
    const target = own[0] ?? general[0];
    if (!target) continue;
    any = true;
    total += target.value * (target.per === 'day' ? 5 : target.per === 'week' ? 1 : 7 / 30);
  }
  return any ? total : undefined;
}

const status = (actual: number, target: number) => (actual >= target ? 'on-track' : actual >= 0.8 * target ? 'at-risk' : 'off-track');

function checkSection(section: SummarySection) {
  const members = new Set(section.ownerIds);
  const cur = expectedFor(members, START, END);
  const prev = expectedFor(members, PREV, START);
  const line = (kind: string) => section.activities?.find((l) => l.kind === kind);

  // Activities against targets (the week is over at asOf, so the whole target is expected).
  for (const [kind, metric, actual, before] of [
    ['call', 'calls', cur.calls, prev.calls],
    ['email', 'emails', cur.emails, prev.emails],
    ['meeting', 'meetings', cur.meetings, prev.meetings],
    ['demo', 'demos', cur.demos, prev.demos],
  ] as const) {
    const target = weekTarget(section.ownerIds, metric);
    expect(line(kind), `${section.name} ${kind}`).toMatchObject({ value: actual, previous: before, target });
    if (target !== undefined) expect(line(kind)?.status).toBe(status(actual, target));
  }
  const trio = cur.calls + cur.emails + cur.meetings;
  expect(line('total')?.value).toBe(trio); // calls + emails + meetings
  expect(line('total')?.change).toBeCloseTo(((trio - (prev.calls + prev.emails + prev.meetings)) / (prev.calls + prev.emails + prev.meetings)) * 100, 9);

  // Deals created, won, lost, and the win rate.
  const deals = section.deals!;
  expect(deals.created).toMatchObject({
    value: cur.created.length,
    previous: prev.created.length,
    amount: sum(cur.created),
    previousAmount: sum(prev.created),
  });
  expect(deals.won).toMatchObject({ value: cur.won.length, previous: prev.won.length, amount: sum(cur.won), previousAmount: sum(prev.won) });
  expect(deals.lost).toMatchObject({ value: cur.lost.length, previous: prev.lost.length });
  const closed = cur.won.length + cur.lost.length;
  expect(deals.winRate.value).toBe(closed ? (cur.won.length / closed) * 100 : null); // won ÷ (won + lost) × 100

  // The pipeline's five moves: new, won and lost as above; advanced and slipped from the stage history.
  const moves = Object.fromEntries(section.pipeline!.moves.map((row) => [row.move, row]));
  expect(moves.new).toMatchObject({ count: cur.created.length, amount: sum(cur.created) });
  expect(moves.won).toMatchObject({ count: cur.won.length, amount: sum(cur.won) });
  expect(moves.lost).toMatchObject({ count: cur.lost.length, amount: sum(cur.lost) });
  const order = new Map(data.stages.map((s) => [s.externalId, s]));
  const stageAt = (deal: Deal, t: number) =>
    [...(deal.stageHistory ?? [])]
      .sort((a, b) => a.enteredAt - b.enteredAt)
      .filter((v) => v.enteredAt < t)
      .pop()?.stageId;
  const advanced: Deal[] = [];
  const slipped: Deal[] = [];
  for (const deal of data.deals) {
    if (!members.has(deal.ownerId) || deal.createdAt === undefined || deal.createdAt >= START) continue;
    if (deal.status !== 'open' && (deal.closedAt === undefined || deal.closedAt < END)) continue;
    const a = order.get(stageAt(deal, START) ?? '');
    const b = order.get(stageAt(deal, END) ?? '');
    const step = a && b && a.pipelineId === b.pipelineId ? b.order - a.order : 0;
    if (step > 0) advanced.push(deal);
    else if (step < 0 || within(deal.expectedCloseAt, START, END)) slipped.push(deal);
  }
  expect(moves.advanced).toMatchObject({ available: true, count: advanced.length, amount: sum(advanced) });
  expect(moves.slipped).toMatchObject({ available: true, count: slipped.length, amount: sum(slipped) });

  // The pipeline at the end of the week (Sun 8 Jun 23:59:59.999 CEST), its largest deals, and the deals at risk then:
  // created by then, and open now or closed after then; each in its stage then (the last one its history entered).
  const AT = END - 1;
  const open = data.deals.filter((d) => members.has(d.ownerId) && d.createdAt! <= AT && (d.status === 'open' || d.closedAt! > AT));
  expect(section.pipeline).toMatchObject({ openDeals: open.length, openAmount: sum(open) });
  const stageThen = (d: Deal) => ((d.stageHistory ?? []).some((v) => v.enteredAt > AT) ? stageAt(d, AT + 1) : d.stageId);
  const weighted = open.reduce((total, d) => total + ((usd(d) ?? 0) * (d.probability ?? order.get(stageThen(d) ?? '')?.probability ?? 0)) / 100, 0);
  expect(section.pipeline!.weighted).toBe(Math.round(weighted)); // Σ amount × probability ÷ 100
  const largest = open.filter((d) => usd(d) !== undefined).sort((a, b) => usd(b)! - usd(a)! || (a.externalId < b.externalId ? -1 : 1));
  expect(section.topOpen.map((d) => d.amount)).toEqual(largest.slice(0, 5).map(usd));
  const lastDone = (deal: Deal) =>
    Math.max(
      -Infinity,
      ...(doneOnDeal.get(deal.externalId) ?? []).filter((t) => t <= AT),
      deal.lastActivityAt !== undefined && deal.lastActivityAt <= AT ? deal.lastActivityAt : -Infinity,
    );
  const atRisk = open.filter((deal) => {
    const last = lastDone(deal);
    const since = Number.isFinite(last) ? last : deal.createdAt;
    const idle = since !== undefined && (AT - since) / DAY_MS >= STALE_DAYS;
    return idle || (deal.expectedCloseAt !== undefined && deal.expectedCloseAt < LAST_DAY);
  });
  expect(section.atRisk).toMatchObject({ count: atRisk.length, amount: sum(atRisk) });

  // The chart: every done activity of the week, once, on its Berlin day (UTC+2: day d runs from d−1 22:00Z).
  const perDay = [0, 0, 0, 0, 0, 0, 0];
  for (const a of cur.done) perDay[Math.floor((a.occurredAt - START) / DAY_MS)]! += 1;
  expect(section.chart.map((d) => d.call + d.email + d.meeting + d.other)).toEqual(perDay);
  expect(section.chart.map((d) => d.date)).toEqual(['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06', '2025-06-07', '2025-06-08']);
}

describe('weekly summary on the demo data, against independent loops', () => {
  it('covers 2025-W23, the last full week before Wed 11 Jun', () => {
    expect(team.week).toMatchObject({ label: '2025-W23', start: START, end: END, firstDay: '2025-06-02', lastDay: '2025-06-08' });
    expect(team.week.previous).toMatchObject({ label: '2025-W22', start: PREV, end: START });
  });

  it('gives the lead the team total and one section per rep, each matching plain loops', () => {
    const members = data.owners.filter((o) => o.teamId === teamLead.teamId).map((o) => o.externalId);
    expect(team.sections.map((s) => s.kind)).toEqual(['team', ...members.map(() => 'rep')]);
    expect(new Set(team.sections.slice(1).map((s) => s.key))).toEqual(new Set(members));
    for (const section of team.sections) checkSection(section);
    // The team's week is not empty, so the checks above compare real figures, not zeros.
    const total = team.sections[0]!;
    const moves = Object.fromEntries(total.pipeline!.moves.map((row) => [row.move, row.count]));
    expect(Math.min(moves.new!, moves.advanced!, moves.slipped!, moves.won!, moves.lost!, total.atRisk!.count)).toBeGreaterThan(0);
    expect(Math.min(...total.activities!.map((line) => line.value))).toBeGreaterThan(0);
  });

  it('puts the quota against the week and the month to date', () => {
    const rep = buildWeeklySummary(data, { now: ASOF, basics, audience: { ownerId: data.currentOwnerId } });
    const section = rep.sections[0]!;
    checkSection(section);
    const june = data.quotas.find((q) => q.ownerId === data.currentOwnerId && q.periodKind === 'month' && q.startDate === '2025-06-01')!;
    const members = new Set([data.currentOwnerId]);
    const weekSales = sum(expectedFor(members, START, END).won);
    const monthSales = sum(expectedFor(members, JUNE, END).won);
    const weekQuota = Math.round((june.amount.minor * 7) / 30); // 7 of June's 30 days (month and quarter quotas tie on days: the finer wins)
    expect(section.quota).toMatchObject({ status: 'ok', week: { sales: weekSales, quota: weekQuota } });
    const quota = section.quota as Extract<SummarySection['quota'], { status: 'ok' }>;
    expect(quota.week.attainmentPct).toBeCloseTo((weekSales / weekQuota) * 100, 9);
    expect(quota.month).toMatchObject({ label: '2025-06', sales: monthSales, quota: june.amount.minor });
    expect(quota.month!.expectedPct).toBeCloseTo(((END - JUNE) / (JULY - JUNE)) * 100, 9); // 8 of 30 days = 26.67 %
    expect(quota.month!.attainmentPct).toBeCloseTo((monthSales / june.amount.minor) * 100, 9);
  });

  it('compares the week in progress with last week up to the same point (Mon–Wed noon with Mon–Wed noon)', () => {
    const running = buildWeeklySummary(data, { now: ASOF, week: '2025-W24', basics, audience: { teamId: teamLead.teamId! }, viewerId: teamLead.externalId });
    expect(running.week).toMatchObject({ label: '2025-W24', partial: true, comparison: { start: START, end: ASOF - 7 * DAY_MS + 1 } });
    expect(running.openAt).toBe(ASOF);
    const members = new Set(data.owners.filter((o) => o.teamId === teamLead.teamId).map((o) => o.externalId));
    const now = expectedFor(members, END, ASOF + 1); // Mon 9 Jun 00:00 – Wed 11 Jun 12:00
    const before = expectedFor(members, START, ASOF - 7 * DAY_MS + 1); // Mon 2 Jun 00:00 – Wed 4 Jun 12:00
    const total = running.sections[0]!;
    expect(total.deals).toMatchObject({
      created: { value: now.created.length, previous: before.created.length },
      won: { value: now.won.length, previous: before.won.length },
    });
    const calls = total.activities!.find((line) => line.kind === 'call')!;
    expect([calls.value, calls.previous]).toEqual([now.calls, before.calls]);
    expect(before.calls).toBeGreaterThan(0); // a real comparison
  });

  it('keeps peers private from a rep who is not the lead, unless the lead shares them', () => {
    const me = data.currentOwnerId;
    const teamSize = data.owners.filter((o) => o.teamId === teamLead.teamId).length;
    const privateView: WeeklySummary = buildWeeklySummary(data, { now: ASOF, basics, audience: { teamId: teamLead.teamId! }, viewerId: me });
    expect(privateView.sections.map((s) => s.key)).toEqual([me]);
    expect(privateView.hiddenPeers).toBe(teamSize - 1);
    const shared = buildWeeklySummary(data, { now: ASOF, basics, audience: { teamId: teamLead.teamId! }, viewerId: me, showPeerNumbers: true });
    expect(shared.sections).toHaveLength(teamSize + 1);
    expect(shared.hiddenPeers).toBe(0);
    // Someone outside the team sees only the total.
    const outsider = data.owners.find((o) => o.teamId !== teamLead.teamId && o.role === 'rep')!;
    const outside = buildWeeklySummary(data, { now: ASOF, basics, audience: { teamId: teamLead.teamId! }, viewerId: outsider.externalId });
    expect(outside.sections.map((s) => s.kind)).toEqual(['team']);
    expect(outside.hiddenPeers).toBe(teamSize);
  });
});
