import { DAY_MS } from '../period/units';
import { describe, expect, it } from 'vitest';
import type { Deal } from '../model';
import { conversionOf, ratesUsed, RATE_STALE_AFTER_MS, type MoneyContext } from './record-money';
import { recordPage } from './records';
import { deals, fixtureData } from './test-fixture';

const AS_OF = Date.UTC(2026, 11, 6);
const money: MoneyContext = {
  currency: { reporting: 'USD', rates: { EUR: 1.08, RUB: 0.011, GBP: 1.27 } },
  // EUR entered 10 days ago, GBP 31 days ago, RUB at a date nobody kept.
  ratesSetAt: { EUR: AS_OF - 10 * DAY_MS, GBP: AS_OF - 31 * DAY_MS },
  asOf: AS_OF,
};
const m = (minor: number, currency: string) => ({ minor, currency });

describe('amounts of a record list in the reporting currency', () => {
  it.each([
    // €1,000.00 × 1.08 = $1,080.00.
    ['by the rep’s rate', m(100_000, 'EUR'), undefined, { ok: true, minor: 108_000, by: 'rate' }],
    // The CRM's own conversion wins: €1,000.00 it says is $1,095.00.
    ['by the CRM', m(100_000, 'EUR'), m(109_500, 'USD'), { ok: true, minor: 109_500, by: 'crm' }],
    ['left out without a rate', m(5_000, 'CHF'), undefined, { ok: false, reason: 'no exchange rate for CHF' }],
    ['already in the reporting currency', m(5_000, 'USD'), undefined, undefined],
    ['no amount', undefined, undefined, undefined],
  ] as const)('%s', (_name, amount, converted, expected) => {
    expect(conversionOf(amount, converted, money)).toEqual(expected);
  });

  it('lists the rates behind the records with their dates, flagging one older than 30 days or of unknown date', () => {
    const lines = ratesUsed(
      [
        { amount: m(100_000, 'EUR') },
        { amount: m(50_000, 'EUR') },
        { amount: m(100_000, 'EUR'), convertedAmount: m(109_500, 'USD') },
        { amount: m(1_000_000, 'RUB') },
        { amount: m(2_000, 'GBP') },
        { amount: m(2_000, 'CHF') },
        { amount: m(2_000, 'USD') },
        {},
      ],
      money,
    );
    expect(lines).toEqual([
      { currency: 'CHF', by: 'none', reason: 'no exchange rate for CHF', records: 1 },
      { currency: 'EUR', by: 'crm', records: 1 },
      { currency: 'EUR', by: 'rate', rate: 1.08, setAt: AS_OF - 10 * DAY_MS, stale: false, records: 2 },
      { currency: 'GBP', by: 'rate', rate: 1.27, setAt: AS_OF - 31 * DAY_MS, stale: true, records: 1 },
      { currency: 'RUB', by: 'rate', rate: 0.011, stale: true, records: 1 },
    ]);
  });

  it('flags a rate exactly at the edge only once it is older than 30 days', () => {
    const at = (age: number) => ratesUsed([{ amount: m(100, 'EUR') }], { ...money, ratesSetAt: { EUR: AS_OF - age } })[0];
    expect(at(RATE_STALE_AFTER_MS)).toMatchObject({ stale: false });
    expect(at(RATE_STALE_AFTER_MS + 1)).toMatchObject({ stale: true });
  });

  it('gives each listed deal its converted amount, and the rates of all the deals behind the number', () => {
    const eur = (id: string, minor: number, extra: Partial<Deal> = {}): Deal => ({
      ...(deals[0] as Deal),
      externalId: id,
      title: id,
      amount: m(minor, 'EUR'),
      ...extra,
    });
    const data = fixtureData({ deals: [...deals, eur('e1', 100_000), eur('e2', 20_000, { convertedAmount: m(21_900, 'USD') }), eur('e3', 5_000)] });
    const page = recordPage(data, 'deal', ['d1', 'e1', 'e2', 'e3'], 0, 3, money);
    expect(page.rows.map((row) => [row.id, row.amount, row.converted])).toEqual([
      ['d1', m(300_000, 'USD'), undefined],
      ['e1', m(100_000, 'EUR'), { ok: true, minor: 108_000, by: 'rate' }],
      ['e2', m(20_000, 'EUR'), { ok: true, minor: 21_900, by: 'crm' }],
    ]);
    // e3 is on the next page, yet its rate is among the rates behind the number.
    expect(page.reporting).toBe('USD');
    expect(page.rates).toEqual([
      { currency: 'EUR', by: 'crm', records: 1 },
      { currency: 'EUR', by: 'rate', rate: 1.08, setAt: AS_OF - 10 * DAY_MS, stale: false, records: 2 },
    ]);
    // Records without amounts (activities) have no rates to tell.
    expect(recordPage(data, 'activity', ['a1'], 0, 10, money).rates).toBeUndefined();
  });
});
