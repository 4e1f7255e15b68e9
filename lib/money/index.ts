export type { CurrencyOptions } from './types';
export type { Money } from '../model/money';
export { currencyDigits, majorToMinor, minorToMajor } from './minor';
export { convertMinor, tally, toReporting, type Conversion, type ExclusionTally } from './convert';
