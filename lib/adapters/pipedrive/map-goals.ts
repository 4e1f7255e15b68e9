import type { Mapped } from '../map';
import { localDateToInstant } from '../../period/local-date';
import { compact, readItem, toMoney, type MapContext } from './map-common';
import { goalSchema, type RawGoal } from './schemas';

export type GoalContext = MapContext & {
  /** Pipedrive currency ids → ISO codes (v1 /currencies). */
  currencyById: ReadonlyMap<number, string>;
  /** The signed-in user's default currency, for sum goals without a currency id. */
  defaultCurrency?: string;
};

type Step = { months: number; days: number };
const STEPS: Readonly<Record<string, { step: Step; kind: 'month' | 'quarter' | 'year' | 'custom' }>> = {
  weekly: { step: { months: 0, days: 7 }, kind: 'custom' },
  monthly: { step: { months: 1, days: 0 }, kind: 'month' },
  quarterly: { step: { months: 3, days: 0 }, kind: 'quarter' },
  yearly: { step: { months: 12, days: 0 }, kind: 'year' },
};
/** How far past its start an open-ended goal is expanded into periods (goals are re-read whole on every sync). */
const OPEN_ENDED_YEARS = 3;
const MAX_PERIODS = 400;

function addToDate(date: string, step: Step): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1 + step.months, d + step.days));
  return next.toISOString().slice(0, 10);
}

/**
 * The consecutive periods of a goal: Pipedrive's target applies to each
 * interval (a monthly goal of 10,000 means 10,000 every month) between the
 * duration's start and its inclusive end date.
 */
export function goalPeriods(start: string, endInclusive: string | null | undefined, interval: string): { startDate: string; endDate: string; full: boolean }[] {
  const spec = STEPS[interval];
  if (!spec) return [];
  const end = endInclusive ? addToDate(endInclusive, { months: 0, days: 1 }) : addToDate(start, { months: 12 * OPEN_ENDED_YEARS, days: 0 });
  const periods: { startDate: string; endDate: string; full: boolean }[] = [];
  let cursor = start;
  while (cursor < end && periods.length < MAX_PERIODS) {
    const next = addToDate(cursor, spec.step);
    periods.push({ startDate: cursor, endDate: next < end ? next : end, full: next <= end });
    cursor = next;
  }
  return periods;
}

function normaliseType(goal: RawGoal): string {
  return goal.type.name.trim().toLowerCase().replace(/\s+/g, '_');
}

/**
 * A Pipedrive goal. "Deals won" goals tracked as a sum of value become one
 * quota per interval; counted goals (deals won, deals started) per week or month
 * become targets. Goals of the whole company, of other types, or that cannot be
 * read as a period are rejected with the reason, not stored.
 */
export function mapGoal(raw: unknown, ctx: GoalContext): Mapped | Mapped[] {
  const read = readItem(goalSchema, raw, 'quota');
  if (!read.ok) return read.mapped;
  const g = read.item;
  const type = normaliseType(g);
  const who = g.assignee.type === 'person' ? { ownerId: g.assignee.id } : g.assignee.type === 'team' ? { teamId: g.assignee.id } : undefined;
  const updatedAt = localDateToInstant(g.duration.start, ctx.timeZone);
  if (updatedAt === undefined) return { type: 'quota', reject: `the goal starts on an unreadable date (${g.duration.start.slice(0, 30)})`, externalId: g.id };
  if (g.duration.end && localDateToInstant(g.duration.end, ctx.timeZone) === undefined) {
    return { type: 'quota', reject: `the goal ends on an unreadable date (${g.duration.end.slice(0, 30)})`, externalId: g.id };
  }
  if (g.expected_outcome.tracking_metric === 'quantity' && (type === 'deals_won' || type === 'deals_started')) {
    const per = g.interval === 'weekly' ? 'week' : g.interval === 'monthly' ? 'month' : undefined;
    if (!per) return { type: 'target', reject: `a ${g.interval.slice(0, 20)} count goal does not fit a daily, weekly or monthly target`, externalId: g.id };
    // Targets belong to one rep or to everyone; a company goal is everyone's.
    if (g.assignee.type !== 'person' && g.assignee.type !== 'company') {
      return { type: 'target', reject: `a count goal of a ${g.assignee.type.slice(0, 20)} is not kept: targets are per rep or for everyone`, externalId: g.id };
    }
    return {
      type: 'target',
      candidate: compact({
        source: ctx.source,
        externalId: `goal:${g.id}`,
        updatedAt,
        url: `${ctx.appUrl}/progress/goals`,
        ownerId: who?.ownerId,
        metric: type === 'deals_won' ? 'dealsWon' : 'dealsCreated',
        per,
        value: g.expected_outcome.target,
      }),
    };
  }
  if (type !== 'deals_won' || g.expected_outcome.tracking_metric !== 'sum') {
    return {
      type: 'quota',
      reject: `goal type "${g.type.name.slice(0, 60)}" tracked by ${g.expected_outcome.tracking_metric.slice(0, 20)} is neither a revenue quota nor a deal count target`,
      externalId: g.id,
    };
  }
  if (!who) return { type: 'quota', reject: `a goal assigned to the ${g.assignee.type.slice(0, 20)} is not a quota of one rep or team`, externalId: g.id };
  const currency =
    (g.expected_outcome.currency_id !== null && g.expected_outcome.currency_id !== undefined
      ? ctx.currencyById.get(g.expected_outcome.currency_id)
      : undefined) ?? ctx.defaultCurrency;
  const amount = toMoney(g.expected_outcome.target, currency);
  if (amount === undefined || typeof amount === 'string') return { type: 'quota', reject: amount ?? 'the goal has no target amount', externalId: g.id };
  const spec = STEPS[g.interval];
  const periods = goalPeriods(g.duration.start, g.duration.end, g.interval);
  if (!spec || periods.length === 0)
    return { type: 'quota', reject: `the goal's interval "${g.interval.slice(0, 30)}" or duration cannot be read as periods`, externalId: g.id };
  return periods.map((p) => ({
    type: 'quota' as const,
    candidate: compact({
      source: ctx.source,
      externalId: `goal:${g.id}:${p.startDate}`,
      updatedAt,
      url: `${ctx.appUrl}/progress/goals`,
      ...who,
      periodKind: p.full ? spec.kind : 'custom',
      startDate: p.startDate,
      endDate: p.endDate,
      amount,
    }),
  }));
}
