import { describe, expect, it } from 'vitest';
import { forecast } from '../../forecast';
import { simulateCrm, T0 } from '../../forecast/test-support';
import { DAY_MS as DAY } from '../../period';
import { DEFAULT_SETTINGS } from '../../settings/schema';
import { periodContaining, workingDaysIn } from '../../period';
import { queryBasics } from '../../views/query';
import { buildWeeklySummary } from './build';
import { renderCsv } from './csv';
import { renderMarkdown } from './markdown';
import { shiftWeek } from './week';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const USD = { reporting: 'USD', rates: {} };
const { data: sim } = simulateCrm({ seed: 5, reps: 3, days: 450, activities: true, stages: true });
// A quota for rep0 in the month holding "now", so the plan has a gap to close.
const NOW = T0 + 424 * DAY + 10 * 3_600_000; // a weekday mid-month
const MONTH = periodContaining('month', NOW, CAL);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const quota = {
  source: 'sim',
  externalId: 'q1',
  updatedAt: 0,
  ownerId: 'rep0',
  periodKind: 'month' as const,
  startDate: day(MONTH.start),
  endDate: day(MONTH.end),
  amount: { minor: 90_000_000, currency: 'USD' },
};
const data = { ...sim, quotas: [quota] };
// As the sidebar builds them (the summary page and the forecast card read the same basics).
const basics = { ...queryBasics({ ...DEFAULT_SETTINGS, timeZone: 'UTC', reportingCurrency: 'USD' }, 'UTC'), calendar: CAL, currency: USD };
const summary = buildWeeklySummary(data, { now: NOW, basics, audience: { ownerId: 'rep0' } });
const outlook = summary.sections[0]!.outlook!;

describe('the weekly summary’s forecast and plan for the coming week', () => {
  it('is the forecast lib/forecast makes for the rep’s month at the same instant, with the quota the KPIs find', () => {
    const direct = forecast({ data, period: MONTH, asOf: NOW, scope: { ownerIds: ['rep0'] }, calendar: CAL, currency: USD, quota: 90_000_000 });
    if (direct.status !== 'ok' || outlook.status !== 'ok') throw new Error('expected a forecast');
    expect([outlook.wonSoFar, outlook.p10, outlook.p50, outlook.p90, outlook.quota, outlook.probabilityOfQuota]).toEqual([
      direct.wonSoFar.amount,
      direct.revenue.p10,
      direct.revenue.p50,
      direct.revenue.p90,
      90_000_000,
      direct.probabilityOfQuota,
    ]);
    expect(outlook.deals.map((d) => d.id)).toEqual(direct.topDeals.slice(0, 3).map((d) => d.dealId));
    // The coming week: the week after the summary's, from now on, within the month; calls = ⌈calls a day × its working days⌉.
    const coming = shiftWeek(periodContaining('week', summary.week.start, CAL), 1, CAL);
    const days = workingDaysIn({ start: Math.max(coming.start, NOW), end: Math.min(coming.end, MONTH.end) }, CAL);
    expect(outlook.plan.week).toMatchObject({ label: coming.label, workingDays: days });
    const perDay = direct.plan.steps.callsPerDay.value;
    expect(outlook.plan.week.calls).toBe(perDay === null ? null : Math.ceil(perDay * days));
  });

  it('plans the week still ahead when the summary is of a past week, and never advises an open-by date already past', () => {
    const nowWeek = periodContaining('week', NOW, CAL);
    const twoBack = shiftWeek(nowWeek, -2, CAL);
    const past = buildWeeklySummary(data, { now: NOW, basics, audience: { ownerId: 'rep0' }, week: twoBack.label }).sections[0]!.outlook!;
    if (past.status !== 'ok') throw new Error('expected a forecast');
    // The week after the summary's ended before now: the plan is for the week holding now (NOW is a weekday).
    expect([past.plan.week.start, past.plan.week.end]).toEqual([nowWeek.start, nowWeek.end]);
    expect(past.plan.week.workingDays).toBe(workingDaysIn({ start: NOW, end: Math.min(nowWeek.end, MONTH.end) }, CAL));
    // Late in the month, the rep's cycle leaves no time to open deals that close in it: no date in the past.
    const late = buildWeeklySummary(data, { now: MONTH.end - 2 * DAY, basics, audience: { ownerId: 'rep0' } }).sections[0]!.outlook!;
    if (late.status !== 'ok') throw new Error('expected a forecast');
    expect(late.plan.tooLateDays, "two days before the month ends the rep's cycle is longer").toBeGreaterThan(2);
    if (late.plan.openBy !== null) expect(late.plan.openBy).toBeGreaterThan(MONTH.end - 2 * DAY);
    if (late.plan.tooLateDays !== undefined) {
      expect(late.plan.openBy).toBeNull();
      expect(renderMarkdown({ ...summary, sections: [{ ...summary.sections[0]!, outlook: late }] }, 'en')).toContain(
        `too late to open deals that close within it on your ${late.plan.tooLateDays}-day cycle`,
      );
    }
  });

  it('is written in the Markdown and the CSV, in English and Russian', () => {
    if (outlook.status !== 'ok') throw new Error('expected a forecast');
    const en = renderMarkdown(summary, 'en');
    expect(en).toContain(`**Forecast for February 2017**`); // the month in words, not ${MONTH.label}
    expect(en).toMatch(/- Won by the end: \$[\d,.]+ – \$[\d,.]+ \(8 chances in 10\), most likely \$[\d,.]+; won so far \$[\d,.]+/);
    expect(en).toMatch(/chance of reaching the quota of \$900,000/);
    expect(en).toMatch(/\*\*Plan for the coming week \([A-Z][a-z]{2} \d{1,2}\s–\s(?:[A-Z][a-z]{2} )?\d{1,2}\)\*\*/);
    expect(en).not.toMatch(/\d{4}-W\d{2}|\b\d{4}-\d{2}\b/);
    const ru = renderMarkdown(summary, 'ru');
    expect(ru).toContain(`**Прогноз на февраль 2017 г.**`);
    expect(ru).toContain('Вероятность выполнить план');
    expect(ru).toContain('План на предстоящую неделю');
    const csv = renderCsv(summary, 'en').split('\n');
    expect(csv.find((line) => line.includes(',forecast,p50,'))).toContain(String(outlook.p50 / 100));
    expect(csv.some((line) => line.includes(',week_plan,working_days,'))).toBe(true);
  });

  it('names a plan input too thin to use instead of guessing it', () => {
    // One deal-less rep with a quota: no won deal, no win rate, no cycle to plan with.
    const lonely = {
      ...data,
      owners: [...data.owners, { ...data.owners[0]!, externalId: 'new', name: 'New Rep' }],
      quotas: [{ ...quota, externalId: 'q2', ownerId: 'new' }],
    };
    const fresh = buildWeeklySummary(lonely, { now: NOW, basics, audience: { ownerId: 'new' } }).sections[0]!.outlook!;
    if (fresh.status !== 'ok') return expect(fresh.reason).toBe('no-deals');
    expect(fresh.plan.missing.map((m) => m.input)).toContain('averageWonDeal');
    const text = renderMarkdown(buildWeeklySummary(lonely, { now: NOW, basics, audience: { ownerId: 'new' } }), 'en');
    expect(text).toMatch(/Not said, too little history: .*Average won deal \(none yet\)/);
  });
});
