import { contactMethod, instant, recordBase, refId, shortText } from './common';
import { z } from './zod';

/**
 * A lead (or a contact in lifecycle terms). MQL/SQL dates drive `mqlToSql`;
 * `convertedAt` drives `leadConversionRate` and `avgConversionTime`.
 */
export const leadSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    name: shortText(300).optional(),
    ownerId: refId.optional(),
    createdAt: instant,
    status: z.enum(['open', 'converted', 'disqualified']),
    channel: contactMethod.optional(),
    channelRaw: shortText().optional(),
    mqlAt: instant.optional(),
    sqlAt: instant.optional(),
    convertedAt: instant.optional(),
    convertedDealId: refId.optional(),
    convertedCustomerId: refId.optional(),
    region: shortText().optional(),
  }),
);
export type Lead = z.infer<typeof leadSchema>;
