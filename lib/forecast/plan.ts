/**
 * Plan to quota, step by step, each step with its arithmetic:
 *   deals to win     = ⌈gap ÷ average won deal⌉
 *   beyond pipeline  = ⌈max(0, gap − amount expected from the open deals) ÷ average won deal⌉
 *   deals to open    = ⌈beyond pipeline ÷ win rate⌉
 *   open by          = period end − median sales cycle (a deal opened later closes after the end)
 *   calls needed     = ⌈deals to open × calls per new deal⌉ (meetings alike)
 *   per working day  = calls needed ÷ working days from now to "open by"
 * Rates are the scope's own over a trailing window. An input missing or below its minimum sample is
 * named, and the steps that need it are not computed: nothing is guessed.
 */
import type { CurrencyOptions } from '../money';
import { minorToMajor } from '../money';
import { DAY_MS, instantToLocalDate, workingDaysIn, type CalendarOptions } from '../period';
import type { DealTable } from './deal-table';
import { ownersKept } from './forecast-parts';
import { NOTE_TEXT, STEP_WHY_TEXT } from './texts';
import type { ForecastSettings, Note, Plan, PlanInput, PlanStep, StepWhy } from './types';

export type PlanContext = {
  /** The deals (as they stood) and the calls and meetings done by each owner, from the deal table. */
  table: Pick<
    DealTable,
    'ids' | 'won' | 'closed' | 'created' | 'firstContact' | 'amount' | 'owner' | 'ownerIds' | 'callTimes' | 'meetingTimes' | 'anyActivity'
  >;
  includes: (ownerId: string) => boolean;
  asOf: number;
  periodEnd: number;
  calendar: CalendarOptions;
  currency: CurrencyOptions;
  quota: number | undefined;
  wonSoFar: number;
  expectedPipelineAmount: number;
  expectedPipelineWins: number;
  settings: ForecastSettings;
};

export type PlanRates = Pick<Plan['inputs'], 'averageWonDeal' | 'winRate' | 'salesCycleDays' | 'callsPerNewDeal' | 'meetingsPerNewDeal'>;

/** The scope's own rates over the trailing windows. */
export function planRates(ctx: PlanContext): PlanRates {
  const { settings, asOf } = ctx;
  const from = asOf - settings.trailingDays * DAY_MS;
  let wonSum = 0;
  let wonWithAmount = 0;
  let won = 0;
  let lost = 0;
  const cycles: number[] = [];
  const { table } = ctx;
  const kept = ownersKept(table, ctx.includes);
  const n = table.ids.length;
  for (let i = 0; i < n; i += 1) {
    // Closed (an open deal's close is +Infinity) with a close date (NaN: none) in the window.
    const closedAt = table.closed[i] as number;
    if (!kept[table.owner[i] as number] || !(closedAt >= from && closedAt <= asOf)) continue;
    if (!table.won[i]) {
      lost += 1;
      continue;
    }
    won += 1;
    const own = table.amount[i] as number;
    if (own === own) {
      wonSum += own;
      wonWithAmount += 1;
    }
    const contact = table.firstContact[i] as number;
    const start = contact === contact ? contact : (table.created[i] as number);
    if (closedAt >= start) cycles.push((closedAt - start) / DAY_MS);
  }
  const min = settings.minSample;
  const averageWonDeal = input(wonWithAmount ? wonSum / wonWithAmount : null, 'money', wonWithAmount, min.averageWonDeal);
  const winRate = input(won + lost ? won / (won + lost) : null, 'rate', won + lost, min.winRate);
  const salesCycleDays = input(median(cycles), 'days', cycles.length, min.salesCycle);

  const activityFrom = asOf - settings.activityTrailingDays * DAY_MS;
  let created = 0;
  for (let i = 0; i < n; i += 1) {
    const at = table.created[i] as number;
    if (kept[table.owner[i] as number] && at >= activityFrom && at <= asOf) created += 1;
  }
  let calls = 0;
  let meetings = 0;
  for (const [owner, times] of ctx.table.callTimes) if (ctx.includes(owner)) calls += countWithin(times, activityFrom, asOf);
  for (const [owner, times] of ctx.table.meetingTimes) if (ctx.includes(owner)) meetings += countWithin(times, activityFrom, asOf);
  const perDeal = (count: number): PlanInput =>
    ctx.table.anyActivity
      ? input(created ? count / created : null, 'ratio', created, min.dealsCreated)
      : { value: null, unit: 'ratio', n: 0, status: 'missing' };
  return { averageWonDeal, winRate, salesCycleDays, callsPerNewDeal: perDeal(calls), meetingsPerNewDeal: perDeal(meetings) };
}

export function buildPlan(ctx: PlanContext, rates: PlanRates = planRates(ctx)): Plan {
  const digits = (minor: number) => minorToMajor(Math.round(minor), ctx.currency.reporting).toFixed(2);
  const inputs: Plan['inputs'] = {
    ...rates,
    expectedPipelineWins: { value: ctx.expectedPipelineWins, unit: 'count', n: 0, status: 'ok' },
    expectedPipelineAmount: { value: ctx.expectedPipelineAmount, unit: 'money', n: 0, status: 'ok' },
  };
  const missing: Plan['missing'][number][] = [];
  const notes: Note[] = [];
  const need = (name: keyof Plan['inputs'], value: PlanInput): number | null => {
    if (value.status === 'ok') return value.value;
    if (!missing.some((m) => m.input === name)) {
      missing.push({ input: name, status: value.status, ...(value.status === 'low-sample' ? { n: value.n, min: value.min } : {}) });
      notes.push(
        value.status === 'low-sample'
          ? { code: 'low-sample', text: NOTE_TEXT['low-sample'], params: { input: name, n: value.n, min: value.min ?? 0 } }
          : { code: 'missing-input', text: NOTE_TEXT['missing-input'], params: { input: name } },
      );
    }
    return null;
  };
  const none = (unit: PlanStep['unit'], why: StepWhy): PlanStep => ({ value: null, unit, arithmetic: '', why, whyText: STEP_WHY_TEXT[why] });
  const steps: Plan['steps'] = {
    dealsToWin: none('count', 'needs-quota'),
    newDealsToWin: none('count', 'needs-quota'),
    dealsToOpen: none('count', 'needs-quota'),
    openBy: none('date', 'needs-sales-cycle'),
    workingDaysToOpen: none('count', 'needs-sales-cycle'),
    callsNeeded: none('count', 'needs-quota'),
    meetingsNeeded: none('count', 'needs-quota'),
    callsPerDay: none('per-day', 'needs-quota'),
    meetingsPerDay: none('per-day', 'needs-quota'),
  };
  const date = (ms: number) => instantToLocalDate(ms, ctx.calendar.timeZone);
  const base = { quota: ctx.quota ?? null, wonSoFar: ctx.wonSoFar, inputs, steps, missing, notes };
  if (ctx.quota === undefined) {
    missing.push({ input: 'quota', status: 'missing' });
    notes.push({ code: 'missing-input', text: NOTE_TEXT['missing-input'], params: { input: 'quota' } });
    return { status: 'no-quota', gap: null, ...base };
  }
  const gap = ctx.quota - ctx.wonSoFar;
  if (gap <= 0) {
    notes.push({ code: 'quota-reached', text: NOTE_TEXT['quota-reached'], params: {} });
    const done = (unit: PlanStep['unit']): PlanStep => ({
      value: 0,
      unit,
      arithmetic: `${digits(ctx.quota as number)} - ${digits(ctx.wonSoFar)} = ${digits(gap)} ≤ 0`,
    });
    for (const key of ['dealsToWin', 'newDealsToWin', 'dealsToOpen', 'callsNeeded', 'meetingsNeeded'] as const) steps[key] = done('count');
    steps.callsPerDay = done('per-day');
    steps.meetingsPerDay = done('per-day');
    return { status: 'reached', gap, ...base };
  }

  const average = need('averageWonDeal', rates.averageWonDeal);
  if (average !== null && average > 0) {
    const toWin = Math.ceil(gap / average);
    steps.dealsToWin = { value: toWin, unit: 'count', arithmetic: `ceil(${digits(gap)} / ${digits(average)}) = ${toWin}` };
    const rest = Math.max(0, gap - ctx.expectedPipelineAmount);
    const beyond = Math.ceil(rest / average);
    steps.newDealsToWin = {
      value: beyond,
      unit: 'count',
      arithmetic: `ceil(max(0, ${digits(gap)} - ${digits(ctx.expectedPipelineAmount)}) / ${digits(average)}) = ${beyond}`,
    };
    const rate = need('winRate', rates.winRate);
    if (rate !== null && rate > 0) {
      const toOpen = Math.ceil(beyond / rate);
      steps.dealsToOpen = { value: toOpen, unit: 'count', arithmetic: `ceil(${beyond} / ${round(rate, 4)}) = ${toOpen}` };
    } else if (rate === 0) steps.dealsToOpen = none('count', 'win-rate-zero');
    else steps.dealsToOpen = none('count', 'needs-win-rate');
  } else if (average !== null) {
    steps.dealsToWin = none('count', 'average-zero');
  } else {
    for (const key of ['dealsToWin', 'newDealsToWin', 'dealsToOpen'] as const) steps[key] = none('count', 'needs-average-won-deal');
  }

  const cycle = need('salesCycleDays', rates.salesCycleDays);
  let days: number | null = null;
  if (cycle !== null) {
    const openBy = Math.round(ctx.periodEnd - cycle * DAY_MS);
    steps.openBy = { value: openBy, unit: 'date', arithmetic: `${date(ctx.periodEnd)} - ${round(cycle, 1)} d = ${date(openBy)}` };
    days = openBy > ctx.asOf ? workingDaysIn({ start: ctx.asOf, end: openBy }, ctx.calendar) : 0;
    steps.workingDaysToOpen = { value: days, unit: 'count', arithmetic: `Mon–Fri [${date(ctx.asOf)}, ${date(openBy)}) = ${days}` };
    if (openBy <= ctx.asOf) notes.push({ code: 'too-late-to-open', text: NOTE_TEXT['too-late-to-open'], params: { days: Math.round(cycle) } });
  }

  const toOpen = steps.dealsToOpen.value;
  for (const [kind, rateInput, neededKey, perDayKey] of [
    ['calls', rates.callsPerNewDeal, 'callsNeeded', 'callsPerDay'],
    ['meetings', rates.meetingsPerNewDeal, 'meetingsNeeded', 'meetingsPerDay'],
  ] as const) {
    const perDeal = need(kind === 'calls' ? 'callsPerNewDeal' : 'meetingsPerNewDeal', rateInput);
    if (perDeal === null || toOpen === null) {
      const why: StepWhy = perDeal === null ? (kind === 'calls' ? 'needs-calls' : 'needs-meetings') : 'needs-deals-to-open';
      steps[neededKey] = none('count', why);
      steps[perDayKey] = none('per-day', why);
      continue;
    }
    const needed = Math.ceil(toOpen * perDeal);
    steps[neededKey] = { value: needed, unit: 'count', arithmetic: `ceil(${toOpen} × ${round(perDeal, 4)}) = ${needed}` };
    if (days === null) steps[perDayKey] = none('per-day', 'needs-sales-cycle');
    else if (days === 0) steps[perDayKey] = none('per-day', 'no-working-day');
    else steps[perDayKey] = { value: needed / days, unit: 'per-day', arithmetic: `${needed} / ${days} = ${round(needed / days, 2)}` };
  }

  const complete = Object.values(steps).every((step) => step.value !== null);
  return { status: complete ? 'plan' : 'incomplete', gap, ...base };
}

function input(value: number | null, unit: PlanInput['unit'], n: number, min: number): PlanInput {
  if (value === null) return { value: null, unit, n, min, status: 'missing' };
  return { value, unit, n, min, status: n < min ? 'low-sample' : 'ok' };
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** Instants in [from, to] (whole milliseconds), in any order: the lists are kept unsorted, and one pass counts them. */
export function countWithin(times: Float64Array, from: number, to: number): number {
  let count = 0;
  for (let k = 0; k < times.length; k += 1) {
    const t = times[k] as number;
    if (t > from - 1 && t <= to) count += 1;
  }
  return count;
}
