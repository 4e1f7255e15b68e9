import { recordBase, refId, shortText } from './common';
import { money } from './money';
import { z } from './zod';

export const pipelineSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    name: shortText().min(1, 'expected a name'),
    order: z.number().int().default(0),
  }),
);
export type Pipeline = z.infer<typeof pipelineSchema>;

/** A pipeline stage; `probability` (0–100 %) weights open deals in the weighted pipeline. */
export const stageSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    pipelineId: refId,
    name: shortText().min(1, 'expected a name'),
    order: z.number().int(),
    probability: z.number().min(0, 'probability below 0 %').max(100, 'probability above 100 %'),
  }),
);
export type Stage = z.infer<typeof stageSchema>;

/** A product with its list price and, where known, its direct unit cost (for profit margin). */
export const productSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    name: shortText().min(1, 'expected a name'),
    code: shortText(100).optional(),
    category: shortText().optional(),
    unitPrice: money.optional(),
    unitCost: money.optional(),
  }),
);
export type Product = z.infer<typeof productSchema>;
