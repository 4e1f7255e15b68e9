import { contactMethod, instant, recordBase, refId, shortText } from './common';
import { money } from './money';
import { z } from './zod';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** A product sold on a deal. Totals are quantity × unit price, in the line's currency. */
export const lineItemSchema = z.lazy(() =>
  z.object({
    productId: refId.optional(),
    name: shortText().min(1, 'expected a product name'),
    quantity: z.number().positive('quantity must be above 0').finite(),
    unitPrice: money,
    /** Direct cost of one unit, for profit margin. */
    unitCost: money.optional(),
  }),
);
export type LineItem = z.infer<typeof lineItemSchema>;

/** When a deal entered a stage; the stage funnel and time-in-stage are computed from these. */
export const stageVisitSchema = z.lazy(() =>
  z.object({
    stageId: refId,
    enteredAt: instant,
  }),
);
export type StageVisit = z.infer<typeof stageVisitSchema>;

/**
 * A deal (opportunity). Won/lost come from the CRM's status field, never from
 * guessing at stage names. A closed deal without `closedAt` is kept (nothing valid
 * is dropped); KPIs that need the close date leave it out and count it.
 */
export const dealSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    title: shortText(500),
    ownerId: refId,
    status: z.enum(DEAL_STATUSES),
    pipelineId: refId.optional(),
    stageId: refId.optional(),
    /** The deal's value in its own currency; absent when the CRM has none. */
    amount: money.optional(),
    /** The CRM's own conversion of `amount` to the company currency, preferred over user-set rates. */
    convertedAmount: money.optional(),
    /** A deal-level win probability (0–100 %) that overrides the stage's. */
    probability: z.number().min(0).max(100).optional(),
    /** Absent in some exports: an open deal without a created date is still an open deal. */
    createdAt: instant.optional(),
    closedAt: instant.optional(),
    expectedCloseAt: instant.optional(),
    /** First contact with the buyer, where known; the sales cycle starts here rather than at creation. */
    firstContactAt: instant.optional(),
    lostReason: shortText(500).optional(),
    /** Channel of first contact (normalised) and the CRM's own value for it. */
    channel: contactMethod.optional(),
    channelRaw: shortText().optional(),
    customerId: refId.optional(),
    region: shortText().optional(),
    lineItems: z.array(lineItemSchema).max(1000).default([]),
    /** Direct costs recorded on the deal itself, when there are no per-line costs. */
    directCost: money.optional(),
    /** Monthly recurring revenue the deal brings, for subscription businesses. */
    mrr: money.optional(),
    stageHistory: z.array(stageVisitSchema).max(1000).optional(),
    lastActivityAt: instant.optional(),
  }),
);
export type Deal = z.infer<typeof dealSchema>;
