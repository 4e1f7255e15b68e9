import type { Backtest, DealAlert, DealOutlook, Forecast, LocalizedText, Note, Plan, Quantiles } from '../../forecast';
import { minorToMajor } from '../../money';
import { instantToLocalDate, type CalendarOptions } from '../../period';

export type ReportContext = {
  calendar: CalendarOptions;
  currency: string;
  owner: string | undefined;
  quotaFrom: 'flag' | 'data' | 'none';
  asOfFrom: string;
};

/** English text with its `{name}` placeholders filled. */
export function fill(text: LocalizedText, params: Readonly<Record<string, number | string>>): string {
  return text.en.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The `--json` report: the issue's fields first (period, asOf, wonSoFar, p10, p50, p90,
 * probabilityOfQuota, plan, topDeals, backtest), then the rest. Money in major units, dates as local
 * dates, probabilities 0–1, texts in English with their numbers filled in.
 */
export function forecastJson(result: Forecast, past: Backtest | null, ctx: ReportContext) {
  const zone = ctx.calendar.timeZone;
  const money = (minor: number | null) => (minor === null ? null : minorToMajor(Math.round(minor), ctx.currency));
  const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : instantToLocalDate(ms, zone));
  const period = { start: date(result.period.start), end: date(result.period.end - 1), label: result.period.label };
  const head = { period, asOf: date(result.asOf), asOfFrom: ctx.asOfFrom, currency: ctx.currency, owner: ctx.owner ?? null };
  if (result.status !== 'ok') {
    return {
      ...head,
      status: result.status,
      missing: result.missing,
      notes: result.notes.map((n) => fill(n.text, n.params)),
      backtest: past && backtestJson(past, money, date),
    };
  }
  const quantilesOf = (q: Quantiles) => ({ p10: money(q.p10), p50: money(q.p50), p90: money(q.p90), mean: money(q.mean) });
  const revenue = quantilesOf(result.revenue);
  return {
    ...head,
    status: result.status,
    wonSoFar: { amount: money(result.wonSoFar.amount), deals: result.wonSoFar.deals },
    p10: revenue.p10,
    p50: revenue.p50,
    p90: revenue.p90,
    mean: revenue.mean,
    probabilityOfQuota: result.probabilityOfQuota,
    quota: money(result.quota),
    quotaFrom: ctx.quotaFrom,
    plan: planJson(result.plan, money, date),
    topDeals: result.topDeals.map((d) => dealJson(d, money, date)),
    backtest: past && backtestJson(past, money, date),
    wonDeals: { p10: result.wonDeals.p10, p50: result.wonDeals.p50, p90: result.wonDeals.p90, mean: result.wonDeals.mean },
    pipeline: { ...result.pipeline, expectedAmount: money(result.pipeline.expectedAmount) },
    newDeals: { ...result.newDeals, expectedAmount: money(result.newDeals.expectedAmount) },
    atRisk: result.atRisk.map((d) => alertJson(d, money, date)),
    cleanUp: result.cleanUp.map((d) => alertJson(d, money, date)),
    byOwner: result.byOwner?.map((o) => ({ owner: o.ownerName, ...quantilesOf(o.revenue) })),
    model: result.model,
    notes: result.notes.map((n) => fill(n.text, n.params)),
    draws: result.draws,
    seed: result.seed,
  };
}

type Money = (minor: number | null) => number | null;
type DateText = (ms: number | null | undefined) => string | null;

function planJson(plan: Plan, money: Money, date: DateText) {
  const shown = (value: number | null, unit: string) => (unit === 'money' ? money(value) : unit === 'date' ? date(value) : value);
  return {
    status: plan.status,
    quota: money(plan.quota),
    wonSoFar: money(plan.wonSoFar),
    gap: money(plan.gap),
    steps: Object.fromEntries(
      Object.entries(plan.steps).map(([k, s]) => [k, { value: shown(s.value, s.unit), arithmetic: s.arithmetic || (s.whyText?.en ?? '') }]),
    ),
    inputs: Object.fromEntries(Object.entries(plan.inputs).map(([k, i]) => [k, { value: shown(i.value, i.unit), n: i.n, status: i.status }])),
    missing: plan.missing,
    notes: plan.notes.map((n: Note) => fill(n.text, n.params)),
  };
}

function dealJson(d: DealOutlook, money: Money, date: DateText) {
  return {
    id: d.dealId,
    title: d.title,
    owner: d.ownerName,
    url: d.url ?? null,
    stage: d.stageName ?? d.stageId ?? null,
    amount: money(d.amount),
    amountSource: d.amountSource,
    probability: round(d.probability, 4),
    expected: money(d.expected),
    expectedClose: date(d.expectedCloseAt),
    idleDays: d.idleDays === null ? null : Math.floor(d.idleDays),
    moves: d.moves.map((m) => fill(m.text, m.params)),
  };
}

function alertJson(d: DealAlert, money: Money, date: DateText) {
  return {
    id: d.dealId,
    title: d.title,
    owner: d.ownerName,
    url: d.url ?? null,
    amount: money(d.amount),
    probability: round(d.probability, 4),
    expectedClose: date(d.expectedCloseAt),
    reasons: d.reasons.map((r) => fill(r.text, r.params)),
    actions: d.actions.map((a) => a.action),
  };
}

function backtestJson(past: Backtest, money: Money, date: DateText) {
  return {
    periods: past.periods.map((p) => ({
      label: p.label,
      asOf: date(p.asOf),
      p10: p.revenue ? money(p.revenue.p10) : null,
      p50: p.revenue ? money(p.revenue.p50) : null,
      p90: p.revenue ? money(p.revenue.p90) : null,
      actual: money(p.actual),
      inside: p.inside,
      status: p.status,
    })),
    forecast: past.forecast,
    inside: past.inside,
    coverage: past.coverage,
    medianAbsError: money(past.medianAbsError),
    medianRelativeError: past.medianRelativeError === null ? null : round(past.medianRelativeError, 4),
  };
}

/** The human-readable report. */
export function renderForecast(result: Forecast, past: Backtest | null, ctx: ReportContext): string {
  const json = forecastJson(result, past, ctx);
  const amount = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 0 }));
  const lines: string[] = [`Forecast for ${json.period.label} as of ${json.asOf}${ctx.owner ? ` (${ctx.owner})` : ''}, ${ctx.currency}`];
  if (result.status !== 'ok' || !('p50' in json)) {
    lines.push(`  Cannot forecast: needs ${result.status === 'needs-data' ? result.missing.join(', ') : 'data'}.`);
  } else {
    lines.push(`  Won so far        ${amount(json.wonSoFar.amount)} (${json.wonSoFar.deals} deals)`);
    lines.push(`  P10 / P50 / P90   ${amount(json.p10)} / ${amount(json.p50)} / ${amount(json.p90)}`);
    lines.push(`  Won deals         ${json.wonDeals.p10} / ${json.wonDeals.p50} / ${json.wonDeals.p90}`);
    if (json.quota !== null)
      lines.push(
        `  Quota             ${amount(json.quota)}: reached in ${Math.round(100 * (json.probabilityOfQuota ?? 0))} % of ${json.draws.toLocaleString('en-US')} simulated endings`,
      );
    lines.push('', `Plan (${json.plan.status}):`);
    for (const [name, step] of Object.entries(json.plan.steps)) lines.push(`  ${name.padEnd(18)} ${step.value ?? '—'}  ${step.arithmetic}`);
    for (const note of json.plan.notes) lines.push(`  Note: ${note}`);
    lines.push('', 'Deals that matter:');
    json.topDeals.forEach((d, i) =>
      lines.push(
        `  ${i + 1}. ${d.title} (${d.owner}): ${Math.round(100 * d.probability)} % × ${amount(d.amount)} = ${amount(d.expected)}${d.moves.length ? `; ${d.moves.join('; ')}` : ''}`,
      ),
    );
    lines.push('', `At risk: ${json.atRisk.length}; clean up: ${json.cleanUp.length}`);
    for (const d of json.atRisk.slice(0, 5)) lines.push(`  ${d.title}: ${d.reasons.join('; ')} → ${d.actions.join(', ')}`);
    for (const note of json.notes) lines.push(`Note: ${note}`);
  }
  if (json.backtest) {
    const b = json.backtest;
    lines.push(
      '',
      `Back-test, last ${b.periods.length} periods: inside P10–P90 ${b.inside} of ${b.forecast}; median miss of P50 ${b.medianRelativeError === null ? '—' : `${Math.round(100 * b.medianRelativeError)} %`}`,
    );
    for (const p of b.periods)
      lines.push(
        `  ${p.label}: ${amount(p.p10)} / ${amount(p.p50)} / ${amount(p.p90)}, actual ${amount(p.actual)}${p.inside === null ? ' (not enough history)' : p.inside ? '' : ' (outside)'}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}
