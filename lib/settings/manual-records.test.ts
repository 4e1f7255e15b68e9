import { describe, expect, it } from 'vitest';
import { checkManualRecord, productCostFromForm, quotaFromForm, spendFromForm, targetFromForm } from './manual-records';
import { currentQuotaPeriodKey, quotaPeriodDates, quotaPeriodKeys } from './quota-periods';

const ctx = { source: 'pipedrive:acme', now: 1_700_000_000_000, fiscalYearStartMonth: 4 };

describe('quota periods', () => {
  it.each([
    ['month', '2017-06', 1, '2017-06-01', '2017-07-01'],
    ['month', '2017-12', 1, '2017-12-01', '2018-01-01'], // the year rolls over
    ['quarter', '2017-Q4', 1, '2017-10-01', '2018-01-01'],
    ['year', '2017', 4, '2017-01-01', '2018-01-01'], // calendar year, whatever the fiscal start
    ['fiscal-year', 'FY2018', 4, '2017-04-01', '2018-04-01'], // FY2018 ends in 2018: April 2017 – March 2018
    ['fiscal-year', 'FY2018', 1, '2018-01-01', '2019-01-01'], // a January start makes it the calendar year
    ['fiscal-quarter', 'FY2018-Q4', 4, '2018-01-01', '2018-04-01'], // 4th quarter: 9 months after April 2017
    ['fiscal-quarter', 'FY2018-Q1', 11, '2017-11-01', '2018-02-01'], // starts November 2017, crosses the year
  ] as const)('%s %s (fiscal start %d) → %s to %s', (kind, key, fiscal, startDate, endDate) => {
    expect(quotaPeriodDates(kind, key, fiscal)).toEqual({ periodKind: kind, startDate, endDate });
  });

  it.each([
    ['month', '2017-13'],
    ['quarter', '2017-Q5'],
    ['year', '17'],
    ['fiscal-year', '2018'],
    ['month', '2017-Q1'],
  ] as const)('refuses %s %s', (kind, key) => {
    expect(quotaPeriodDates(kind, key, 1)).toBeUndefined();
  });

  it('offers the periods around today, the current one among them', () => {
    expect(quotaPeriodKeys('month', '2017-06-15', 1)).toHaveLength(19);
    expect(quotaPeriodKeys('quarter', '2017-06-15', 1).slice(3, 6)).toEqual(['2017-Q1', '2017-Q2', '2017-Q3']);
    expect(currentQuotaPeriodKey('fiscal-year', '2017-06-15', 4)).toBe('FY2018'); // April 2017 – March 2018
    expect(currentQuotaPeriodKey('fiscal-quarter', '2017-06-15', 4)).toBe('FY2018-Q1');
    expect(currentQuotaPeriodKey('month', '2017-12-31', 1)).toBe('2017-12');
  });
});

describe('manual records from the forms', () => {
  it('builds a quota with an id from what it is about, so the same rep and period edit in place', () => {
    const form = { assignee: 'rep:42', periodKind: 'month' as const, periodKey: '2017-06', amount: '12 500,50', currency: 'EUR' };
    const built = quotaFromForm(form, ctx);
    expect(built).toEqual({
      ok: true,
      record: {
        source: 'pipedrive:acme',
        externalId: 'manual:quota:rep:42:month:2017-06-01:2017-07-01',
        updatedAt: ctx.now,
        ownerId: '42',
        periodKind: 'month',
        startDate: '2017-06-01',
        endDate: '2017-07-01',
        amount: { minor: 1_250_050, currency: 'EUR' },
      },
    });
    const again = quotaFromForm({ ...form, amount: '9000' }, ctx);
    expect(again.ok && again.record.externalId).toBe('manual:quota:rep:42:month:2017-06-01:2017-07-01');
    expect(quotaFromForm({ ...form, assignee: 'team:east' }, ctx)).toMatchObject({
      ok: true,
      record: { teamId: 'east', externalId: 'manual:quota:team:east:month:2017-06-01:2017-07-01' },
    });
  });

  it('puts each problem beside its field and builds nothing', () => {
    expect(quotaFromForm({ assignee: '', periodKind: 'quarter', periodKey: '2017-Q9', amount: '0', currency: 'EUR' }, ctx)).toEqual({
      ok: false,
      errors: { periodKey: 'expected a period', assignee: 'expected a rep or a team', amount: 'expected an amount above 0' },
    });
    expect(quotaFromForm({ assignee: 'rep:1', periodKind: 'month', periodKey: '2017-06', amount: '10', currency: 'euro' }, ctx)).toEqual({
      ok: false,
      errors: { currency: expect.any(String) },
    });
    expect(targetFromForm({ ownerId: '', metric: 'calls', value: 'many' }, ctx)).toEqual({ ok: false, errors: { value: 'expected a number of 0 or more' } });
    expect(spendFromForm({ month: '2017-6', kind: 'sales', channel: '', amount: '-5', currency: 'USD', note: '' }, ctx)).toEqual({
      ok: false,
      errors: { month: expect.any(String), amount: 'expected an amount of 0 or more' },
    });
    expect(productCostFromForm({ productId: '', name: '', unitCost: 'x', currency: 'USD' }, ctx)).toEqual({
      ok: false,
      errors: { productId: 'expected a product', unitCost: expect.any(String) },
    });
  });

  it('builds targets (per day, demos per week), spend and product costs', () => {
    expect(targetFromForm({ ownerId: '', metric: 'calls', value: '40' }, ctx)).toMatchObject({
      ok: true,
      record: { externalId: 'manual:target:*:calls', per: 'day', value: 40 },
    });
    expect(targetFromForm({ ownerId: '7', metric: 'demos', value: '3,5' }, ctx)).toMatchObject({
      ok: true,
      record: { externalId: 'manual:target:rep:7:demos', per: 'week', value: 3.5, ownerId: '7' },
    });
    expect(spendFromForm({ month: '2017-06', kind: 'marketing', channel: 'event', amount: '1500', currency: 'USD', note: ' fair ' }, ctx)).toMatchObject({
      ok: true,
      record: { externalId: 'manual:spend:2017-06:marketing:event', amount: { minor: 150_000, currency: 'USD' }, note: 'fair' },
    });
    expect(productCostFromForm({ productId: 'p1', name: 'Widget', unitCost: '6', currency: 'USD' }, ctx)).toMatchObject({
      ok: true,
      record: { externalId: 'manual:product:p1', unitCost: { minor: 600, currency: 'USD' } },
    });
  });
});

describe('manual records where they arrive (the background)', () => {
  const quota = {
    externalId: 'manual:quota:rep:42:month:2017-06-01:2017-07-01',
    ownerId: '42',
    periodKind: 'month',
    startDate: '2017-06-01',
    endDate: '2017-07-01',
    amount: { minor: 100, currency: 'USD' },
  };

  it("takes the writer's source and time, whatever the page said", () => {
    const checked = checkManualRecord('quota', { ...quota, source: 'someone-else', updatedAt: 1 }, 'demo', 99);
    expect(checked).toMatchObject({ ok: true, record: { source: 'demo', updatedAt: 99 } });
  });

  it.each([
    ['a CRM id', { ...quota, externalId: '123' }],
    ['the id of another period', { ...quota, startDate: '2017-05-01' }],
    ['a non-manual product id', { externalId: 'p1', name: 'x' }],
  ])('refuses %s', (_name, raw) => {
    const type = 'name' in raw ? 'product' : 'quota';
    expect(checkManualRecord(type, raw, 'demo', 1)).toEqual({ ok: false, errors: { externalId: expect.any(String) } });
  });

  it('refuses what lib/model refuses, saying why', () => {
    expect(checkManualRecord('quota', { ...quota, amount: { minor: 1.5, currency: 'USD' } }, 'demo', 1)).toEqual({
      ok: false,
      errors: { record: expect.stringContaining('amount.minor') },
    });
    expect(checkManualRecord('spend', 'garbage', 'demo', 1)).toEqual({ ok: false, errors: { record: 'expected a record' } });
  });
});
