import { describe, expect, it } from 'vitest';
import { JUNE, at, deal, kpi, lostDeal, money, okOf, usd, wonDeal } from '../test-fixtures';

describe('avgPurchaseValue', () => {
  const deals = [
    wonDeal(100, '2017-06-01'),
    wonDeal(300, '2017-06-10'),
    wonDeal(0, '2017-06-11', { amount: money(100, 'EUR') }),
    wonDeal(0, '2017-06-12', { amount: money(1, 'GBP') }),
    wonDeal(999, '2017-07-01'),
    lostDeal('2017-06-03'),
  ];

  it('divides the won amount by the won deals', () => {
    const r = okOf(kpi('avgPurchaseValue', { deals }));
    expect(r.value).toBe(17_000); // (100 + 300 + 110) ÷ 3 = USD 170
    expect(r.parts.median).toBe(11_000); // 100, 110, 300
    expect([r.numerator, r.denominator]).toEqual([51_000, 3]);
    expect(r.excluded).toEqual([{ count: 1, reason: 'no exchange rate for GBP' }]);
  });

  it('says how many won deals no period can claim for lack of a close date', () => {
    const undated = deal({ status: 'won', amount: usd(400), createdAt: at('2017-06-02') });
    const r = okOf(kpi('avgPurchaseValue', { deals: [...deals, undated] }));
    expect(r.value).toBe(17_000); // unchanged: the undated sale is in no period
    expect(r.excluded).toEqual([
      { count: 1, reason: 'no exchange rate for GBP' },
      { count: 1, reason: 'won with no close date' },
    ]);
  });

  it('needs deals, and is not defined with no usable won deal', () => {
    expect(kpi('avgPurchaseValue', {})).toMatchObject({ status: 'needs-data', missing: ['deals'] });
    expect(kpi('avgPurchaseValue', { deals: [lostDeal('2017-06-03')] })).toMatchObject({ status: 'not-defined', reason: 'no deals won in the period' });
    expect(kpi('avgPurchaseValue', { deals: [deals[3]!] })).toMatchObject({
      status: 'not-defined',
      reason: 'no won deal in the period has a usable amount (1 no exchange rate for GBP)',
    });
  });
});

describe('sales are deals won by status, never by stage name', () => {
  it('ignores a deal in a stage called "Won" that is still open', () => {
    const fake = deal({ title: 'Closed Won?', stageId: 'Won', amount: usd(500), closedAt: at('2017-06-05') });
    const r = okOf(kpi('avgPurchaseValue', { deals: [fake, wonDeal(100, '2017-06-02')] }));
    expect(r.value).toBe(10_000);
    expect(JUNE.label).toBe('2017-06');
  });
});
