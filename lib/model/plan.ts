import { contactMethod, localDate, localMonth, recordBase, refId, shortText } from './common';
import { money } from './money';
import { z } from './zod';

/** Sales or marketing spend for a month (optionally per channel), entered by the user; CAC divides it. */
export const spendSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    month: localMonth,
    kind: z.enum(['sales', 'marketing']),
    channel: contactMethod.optional(),
    amount: money.refine((m) => m.minor >= 0, 'spend is never negative'),
    note: shortText(500).optional(),
  }),
);
export type Spend = z.infer<typeof spendSchema>;

export const QUOTA_PERIOD_KINDS = ['month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'custom'] as const;

/**
 * A sales quota: won amount to reach between two calendar dates (end exclusive)
 * in the user's time zone, for one rep or a whole team.
 */
export const quotaSchema = z.lazy(() =>
  z
    .object({
      ...recordBase,
      ownerId: refId.optional(),
      teamId: refId.optional(),
      periodKind: z.enum(QUOTA_PERIOD_KINDS),
      startDate: localDate,
      endDate: localDate,
      amount: money.refine((m) => m.minor > 0, 'a quota is above 0'),
    })
    .refine((q) => q.startDate < q.endDate, { message: 'a quota ends after it starts', path: ['endDate'] })
    .refine((q) => (q.ownerId === undefined) !== (q.teamId === undefined), {
      message: 'a quota belongs to exactly one rep or one team',
      path: ['ownerId'],
    }),
);
export type Quota = z.infer<typeof quotaSchema>;

export const TARGET_METRICS = ['calls', 'emails', 'meetings', 'demos', 'dealsCreated', 'dealsWon'] as const;
export type TargetMetric = (typeof TARGET_METRICS)[number];

/** An activity or count target per day, week or month, for one rep or everyone (no owner). */
export const targetSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    ownerId: refId.optional(),
    metric: z.enum(TARGET_METRICS),
    per: z.enum(['day', 'week', 'month']),
    value: z.number().nonnegative().finite(),
  }),
);
export type Target = z.infer<typeof targetSchema>;
