/** Line-item amounts in the reporting currency: product revenue and deal costs (margin, CLV) read them. */
import type { Deal, Money } from '../../model';
import { toReporting, type Conversion } from '../../money/convert';
import type { EvalContext } from '../engine/types';

/**
 * A line-item amount in the reporting currency. Lines in the deal's own currency use the rate implied
 * by the CRM's converted amount (the CRM's rate of the day), like the deal itself; others use user rates.
 */
export function lineToReporting(ctx: EvalContext, deal: Deal, money: Money): Conversion {
  const { amount, convertedAmount } = deal;
  if (
    amount &&
    convertedAmount &&
    amount.minor !== 0 &&
    amount.currency === money.currency &&
    convertedAmount.currency === ctx.reporting &&
    money.currency !== ctx.reporting
  ) {
    return { ok: true, minor: Math.round((money.minor * convertedAmount.minor) / amount.minor) };
  }
  return toReporting(money, undefined, ctx.query.currency);
}

/** quantity × unit amount, rounded to a whole minor unit (quantities may be fractional). */
export function lineTotal(quantity: number, unit: Money): Money {
  return { minor: Math.round(quantity * unit.minor), currency: unit.currency };
}
