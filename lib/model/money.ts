import { z } from './zod';

/** ISO 4217 currency code. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected a 3-letter ISO 4217 currency code');

/**
 * An amount of money in integer minor units (cents, kopecks; yen have none)
 * with its currency. Integers keep sums exact; floats would drift.
 */
export const money = z.lazy(() =>
  z.object({
    minor: z
      .number({ error: 'expected an amount in minor units' })
      .int('expected a whole number of minor units (cents, kopecks)')
      .refine(Number.isSafeInteger, 'amount is too large to be exact'),
    currency: currencyCode,
  }),
);
export type Money = z.infer<typeof money>;
