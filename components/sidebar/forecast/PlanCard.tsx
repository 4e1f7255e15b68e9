import type { Plan } from '@/lib/forecast';
import type { ForecastShown, ViewSelection } from '@/lib/views';
import { Figure } from '../Figure';
import { ExplainButton } from './ExplainButton';
import { fill, inputName, useForecastI18n, type ForecastI18n } from './format';

/** An input the plan could not use, by name: "Win rate (4 of the 10 needed)", "Calls per new deal (none yet)". */
export function missingInput(item: Plan['missing'][number], i18n: ForecastI18n): string {
  const name = item.input === 'activities' ? i18n.f('plan.activities') : inputName(item.input, i18n);
  return item.status === 'low-sample' && item.n !== undefined && item.min !== undefined
    ? i18n.f('plan.inputLow', { name, n: item.n, min: item.min })
    : i18n.f('plan.inputMissing', { name });
}

/**
 * The plan's sentences, as far as its inputs allow: "To reach $186,000: win 4 more deals", "at your 28 %
 * win rate and 34-day cycle, open 14 deals by Dec 12", "that is 9 calls and 2 meetings a day".
 */
export function planLines(plan: Plan, currency: string, i18n: ForecastI18n): string[] {
  const { f, money } = i18n;
  if (plan.status === 'no-quota' || plan.quota === null) return [f('plan.noQuota')];
  if (plan.status === 'reached') return [f('plan.reached', { won: money(plan.wonSoFar, currency), quota: money(plan.quota, currency) })];
  const { steps, inputs } = plan;
  const lines: string[] = [];
  if (steps.dealsToWin.value !== null) lines.push(f('plan.win', { quota: money(plan.quota, currency), count: steps.dealsToWin.value }));
  const tooLate = tooLateDays(plan);
  if (steps.newDealsToWin.value === 0) lines.push(f('plan.openNone'));
  // An open-by date already past is no advice: it is too late on the rep's cycle, win from the open deals.
  else if (tooLate !== undefined) lines.push(f('plan.tooLate', { days: tooLate }));
  else if (steps.dealsToOpen.value !== null && steps.openBy.value !== null && inputs.winRate.value !== null && inputs.salesCycleDays.value !== null) {
    lines.push(
      f('plan.open', {
        rate: i18n.percent(inputs.winRate.value * 100, 0),
        cycle: Math.round(inputs.salesCycleDays.value),
        count: steps.dealsToOpen.value,
        date: i18n.date(steps.openBy.value),
      }),
    );
  }
  const calls = steps.callsPerDay.value;
  const meetings = steps.meetingsPerDay.value;
  const perDay = (value: number) => i18n.number(Math.ceil(value * 10) / 10, 1);
  if (calls !== null && meetings !== null) lines.push(f('plan.perDay', { calls: perDay(calls), meetings: perDay(meetings) }));
  else if (calls !== null) lines.push(f('plan.callsPerDay', { calls: perDay(calls) }));
  else if (meetings !== null) lines.push(f('plan.meetingsPerDay', { meetings: perDay(meetings) }));
  return lines;
}

/** The rep's sales cycle in days when deals opened now would close after the period (the plan's note), else undefined. */
function tooLateDays(plan: Plan): number | undefined {
  const note = plan.notes.find((n) => n.code === 'too-late-to-open');
  return note ? Number(note.params.days ?? 0) : undefined;
}

/** Steps the plan could not take, each with its reason, in the UI language (not the ones "too late" already says). */
function stepsNotTaken(plan: Plan, i18n: ForecastI18n): string[] {
  const shown = new Set<string>();
  const out: string[] = [];
  const tooLate = tooLateDays(plan) !== undefined;
  for (const [key, step] of Object.entries(plan.steps)) {
    if (step.value !== null || !step.whyText || (tooLate && step.why === 'no-working-day')) continue;
    const why = fill(step.whyText, {}, i18n);
    if (shown.has(why)) continue;
    shown.add(why);
    out.push(i18n.f('plan.stepMissing', { step: inputName(key, i18n), why }));
  }
  return out;
}

/** The plan to quota: what to win, open and do per day; inputs too thin to use are named, not guessed. */
export function PlanCard({ shown, selection }: { shown: ForecastShown; selection: ViewSelection }) {
  const i18n = useForecastI18n();
  const { plan, currency } = shown;
  const lines = planLines(plan, currency, i18n);
  const days = plan.steps.workingDaysToOpen.value;
  const active = plan.status === 'plan' || plan.status === 'incomplete';
  return (
    <section className="card plan" aria-labelledby="plan-title">
      <div className="card-head">
        <h2 id="plan-title">{i18n.f('plan.title')}</h2>
        <ExplainButton id="plan" explain={shown.explain.plan} currency={currency} selection={selection}>
          {i18n.f('plan.how')}
        </ExplainButton>
      </div>
      {/* The step to take first, then how far to go: what to do today is the first line a rep reads. */}
      <p className="plan-text">{lines.join('; ')}</p>
      {active && plan.gap !== null && (
        <p className="sub">
          <Figure name="forecast.gap" value={plan.gap}>
            {i18n.f('plan.gap', { gap: i18n.money(plan.gap, currency) })}
          </Figure>
          {days !== null && tooLateDays(plan) === undefined && <> · {i18n.f('plan.days', { count: days })}</>}
        </p>
      )}
      {active && plan.missing.length > 0 && (
        <p className="note" data-missing={plan.missing.map((m) => m.input).join(' ')}>
          {i18n.f('plan.notSaid', { inputs: plan.missing.map((m) => missingInput(m, i18n)).join(', ') })}
        </p>
      )}
      {active &&
        stepsNotTaken(plan, i18n).map((line) => (
          <p key={line} className="note">
            {line}
          </p>
        ))}
    </section>
  );
}
