import { ACTIVITY_TYPES } from './activity-types';
import { instant, recordBase, refId, shortText } from './common';
import { z } from './zod';

export { ACTIVITY_TYPES, type ActivityType } from './activity-types';

/** What a rep did: a call, an email, a meeting... Counted by `activityCounts` when done. */
export const activitySchema = z.lazy(() =>
  z.object({
    ...recordBase,
    ownerId: refId,
    type: z.enum(ACTIVITY_TYPES),
    direction: z.enum(['outbound', 'inbound']).optional(),
    /** A finer kind: the CRM's activity type key, or `demo` / `trial` for demo meetings. */
    subtype: shortText(100).optional(),
    title: shortText(500).optional(),
    /** When it happened (done) or is due (not done yet). */
    occurredAt: instant,
    /** When it was booked; `demosBooked` counts demos by this date. */
    createdAt: instant.optional(),
    done: z.boolean(),
    dealId: refId.optional(),
    leadId: refId.optional(),
    customerId: refId.optional(),
    durationSec: z.number().int().nonnegative().optional(),
    /** Email tracking, where the CRM records it (for the 30/30/50 cold-email benchmark). */
    email: z
      .object({
        cold: z.boolean().optional(),
        opened: z.boolean().optional(),
        replied: z.boolean().optional(),
        /** The reply turned into a next step (a meeting booked, a deal created). */
        converted: z.boolean().optional(),
      })
      .optional(),
  }),
);
export type Activity = z.infer<typeof activitySchema>;
