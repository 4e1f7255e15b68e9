import type { MessageKey, Translate } from './messages';

/**
 * The KPI engine's reasons (a record left out of a number, a number not defined) are English prose,
 * shared with the CLI. The fixed ones have words in every UI language here; a reason with data in it
 * (a rep's name, a currency) is shown as the engine wrote it.
 */
export const ENGINE_REASON_KEYS: Readonly<Record<string, MessageKey>> = {
  'no amount': 'reason.noAmount',
  'won with no close date': 'reason.wonNoCloseDate',
  'quota with a date that does not exist': 'reason.quotaImpossibleDate',
  'no known stage or pipeline': 'reason.noStage',
  'no activity and no created date (idle time unknown)': 'reason.idleUnknown',
  'no win probability (left out of the weighted value)': 'reason.noProbability',
  'no created date': 'reason.noCreatedDate',
  'closed before it was created': 'reason.closedBeforeCreated',
  'converted before it was created': 'reason.convertedBeforeCreated',
  'won deal with no line items': 'reason.noLineItems',
  'closed with no close date': 'reason.closedNoCloseDate',
  'no deals created in the period': 'reason.noDealsCreated',
  'no customers at period start': 'reason.noCustomersAtStart',
  'no deals closed in the period, so no win rate': 'reason.noClosedNoWinRate',
  'no won deals with an amount in the period': 'reason.noWonWithAmount',
  'no won deals with a known cycle length in the period': 'reason.noWonWithCycle',
  'deals were won the moment they were created (cycle of 0 days)': 'reason.zeroCycle',
  'no tracked emails sent in the period': 'reason.noTrackedEmails',
  'no won deal in the period has a created date': 'reason.noWonWithCreatedDate',
  'no deals won in the period': 'reason.noDealsWon',
  'the period is over': 'reason.periodOver',
  'the quota is already reached': 'reason.quotaReached',
  'no leads converted in the period': 'reason.noLeadsConverted',
  'no revenue from won deals with costs in the period': 'reason.noRevenueWithCosts',
  'no leads became MQL in the period': 'reason.noMql',
  'no earlier period to compare with': 'reason.noEarlierPeriod',
  'no sales in the compare period': 'reason.noComparedSales',
  'CAC is 0: customers were acquired without spend': 'reason.cacZero',
  'no new customers in the period': 'reason.noNewCustomers',
  'the quota could not be put in the reporting currency': 'reason.quotaNotConverted',
  'no deals closed in the period': 'reason.noDealsClosed',
  'no leads created in the period': 'reason.noLeadsCreated',
  'the team has no deals closed, so no win rate': 'reason.teamNoWinRate',
  'the team has no quota, so no attainment': 'reason.teamNoQuota',
  'the team has no value': 'reason.teamNoValue',
};

/** An engine reason in the UI language, or the engine's own text when it is not a known one. */
export function reasonWords(t: Translate, reason: string): string {
  const key = Object.hasOwn(ENGINE_REASON_KEYS, reason) ? ENGINE_REASON_KEYS[reason] : undefined;
  return key ? t(key) : reason;
}
