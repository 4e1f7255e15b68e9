/**
 * How amounts in several currencies become one reporting currency.
 * `rates[X]` is how many units of the reporting currency one unit of X is worth
 * (major units, e.g. reporting USD, rates.EUR = 1.08). The reporting currency
 * itself needs no rate.
 */
export type CurrencyOptions = {
  reporting: string;
  rates: Readonly<Record<string, number>>;
};
