import type { Activity, Target } from '../model';
import { addMonths } from './calendar';
import type { PipelineKey } from './catalog';
import type { DemoContext } from './context';
import type { Org, RepProfile } from './org';
import { monthStart, quotaShare } from './quota-plan';

/** Targets ask a little more than the team's typical rep does: about half the team is on track. */
const STRETCH = 1.05;
/** Months the team lead looks back on when setting the targets. */
const BASIS_MONTHS = 3;

type Metric = 'calls' | 'emails' | 'meetings' | 'demos';
type Rates = Record<Metric, number>;
type Spec = { metric: Metric; per: Target['per'] };

const SPECS: readonly Spec[] = [
  { metric: 'calls', per: 'day' },
  { metric: 'emails', per: 'day' },
  { metric: 'meetings', per: 'week' },
  { metric: 'demos', per: 'week' },
];

/**
 * The activity targets, set the way a team lead sets them: from what the team's typical
 * rep did per working day over the last three complete months, plus a little stretch,
 * in whole numbers (per week where a daily figure would be under five). Reps then spread around them as they really work (a busy rep above,
 * a struggling one well below). The New Business numbers are the company default;
 * account managers (Expansion) have their own, team leads half of their team's, and
 * only New Business books demos, so only its people have a demo target.
 */
export function targetRecords(ctx: DemoContext, org: Org, activities: readonly Activity[]): Target[] {
  const rates = repRates(ctx, org, activities);
  const team = (key: PipelineKey): Rates => {
    const reps = org.byTeam[key].filter((rep) => rep.role === 'rep');
    const typical = (metric: Metric) => median(reps.map((rep) => (rates.get(rep.id)?.[metric] ?? 0) / quotaShare(rep)));
    return { calls: typical('calls'), emails: typical('emails'), meetings: typical('meetings'), demos: typical('demos') };
  };
  const teams: Record<PipelineKey, Rates> = { nb: team('nb'), exp: team('exp') };
  const updatedAt = Math.min(ctx.asOf, monthStart(ctx, ctx.currentMonth));
  const record = (id: string, spec: Spec, perDay: number, ownerId?: string): Target[] => {
    // Below five a day, a daily target rounds too coarsely (1 or 2 calls a day): it is set per week.
    const per = spec.per === 'day' && Math.round(perDay * STRETCH) < 5 ? 'week' : spec.per;
    const value = Math.round(perDay * STRETCH * (per === 'week' ? 5 : 1));
    if (value < 1) return [];
    const target: Target = { source: ctx.source, externalId: `target-${id}${spec.metric}-${per}`, updatedAt, metric: spec.metric, per, value };
    if (ownerId !== undefined) target.ownerId = ownerId;
    return [target];
  };
  const defaults = SPECS.filter((spec) => spec.metric !== 'demos').flatMap((spec) => record('', spec, teams.nb[spec.metric]));
  const own = org.reps.flatMap((rep: RepProfile) =>
    SPECS.flatMap((spec) => {
      const perDay = teams[rep.team][spec.metric] * quotaShare(rep);
      const isDefault = rep.team === 'nb' && rep.role === 'rep' && spec.metric !== 'demos';
      if (isDefault || (spec.metric === 'demos' && rep.team !== 'nb')) return [];
      return record(`${rep.id}-`, spec, perDay, rep.id);
    }),
  );
  return [...defaults, ...own];
}

/** Each person's calls, emails and meetings done, and demos booked, per working day (Mon–Fri) of the basis months. */
function repRates(ctx: DemoContext, org: Org, activities: readonly Activity[]): Map<string, Rates> {
  const start = monthStart(ctx, addMonths(ctx.currentMonth, -BASIS_MONTHS));
  const end = monthStart(ctx, ctx.currentMonth);
  let workingDays = 0;
  for (let index = ctx.cal.dayIndexAt(start); index < ctx.cal.days.length && ctx.cal.day(index).start < end; index += 1) {
    const { weekday } = ctx.cal.day(index);
    if (weekday !== 0 && weekday !== 6) workingDays += 1;
  }
  const counts = new Map<string, Rates>(org.reps.map((rep) => [rep.id, { calls: 0, emails: 0, meetings: 0, demos: 0 }]));
  for (const activity of activities) {
    const rates = counts.get(activity.ownerId ?? '');
    if (!rates) continue;
    const isDemo = activity.subtype === 'demo' || activity.subtype === 'trial';
    const booked = activity.createdAt ?? activity.occurredAt;
    if (isDemo && booked >= start && booked < end) rates.demos += 1;
    if (!activity.done || activity.occurredAt < start || activity.occurredAt >= end) continue;
    if (activity.type === 'call') rates.calls += 1;
    else if (activity.type === 'email') rates.emails += 1;
    else if (activity.type === 'meeting') rates.meetings += 1;
  }
  for (const rates of counts.values()) {
    for (const metric of Object.keys(rates) as Metric[]) rates[metric] /= Math.max(1, workingDays);
  }
  return counts;
}

function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
