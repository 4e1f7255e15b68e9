import { instant, recordBase, refId, shortText } from './common';
import { money } from './money';
import { z } from './zod';

export const CHURN_REASONS = ['voluntary', 'non-payment', 'other'] as const;

/**
 * A paying customer (an organization or account). Acquired when it first
 * bought; churned when it stopped. `non-payment` churn is the passive churn of
 * the catalogue.
 */
export const customerSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    name: shortText(300).min(1, 'expected a name'),
    ownerId: refId.optional(),
    region: shortText().optional(),
    country: shortText().optional(),
    acquiredAt: instant.optional(),
    churnedAt: instant.optional(),
    churnReason: z.enum(CHURN_REASONS).optional(),
  }),
);
export type Customer = z.infer<typeof customerSchema>;

export const MRR_MOVEMENT_KINDS = ['new', 'expansion', 'contraction', 'churn', 'reactivation'] as const;
export type MrrMovementKind = (typeof MRR_MOVEMENT_KINDS)[number];

/**
 * A change of a customer's monthly recurring revenue. `amount` is the size of
 * the change (never negative); `kind` says which way it went: new, expansion and
 * reactivation add, contraction and churn subtract.
 */
export const mrrMovementSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    customerId: refId,
    ownerId: refId.optional(),
    at: instant,
    kind: z.enum(MRR_MOVEMENT_KINDS),
    amount: money.refine((m) => m.minor >= 0, 'an MRR movement amount is never negative; the kind gives the sign'),
  }),
);
export type MrrMovement = z.infer<typeof mrrMovementSchema>;
