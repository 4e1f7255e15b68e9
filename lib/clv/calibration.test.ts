import { describe, expect, it } from 'vitest';
import { summariseCalibration } from './calibration';
import { parseDay } from './days';
import { ClvFitError } from './errors';
import type { Transaction } from './types';

const day = (iso: string) => parseDay(iso) ?? Number.NaN;
const t = (customerId: string, iso: string, amount: number): Transaction => ({ customerId, day: day(iso), amount });

describe('summariseCalibration', () => {
  const log = [
    t('a', '2024-01-01', 10), // first purchase: starts the clock, not a repeat
    t('a', '2024-01-08', 20),
    t('a', '2024-01-08', 5), // same day: one repeat purchase of 25
    t('a', '2024-01-29', 40),
    t('a', '2024-02-12', 7), // after the calibration end, inside the hold-out
    t('a', '2024-04-01', 9), // after the observation end
    t('b', '2024-01-15', 30), // one-time buyer
    t('c', '2024-02-06', 12), // first bought the day after the calibration end
  ];
  const summary = summariseCalibration(log, { calibrationEnd: '2024-02-05', observationEnd: '2024-03-04' });

  it('gives x, t_x, T and m_x the way the literature does', () => {
    expect(summary.customers).toEqual([
      // x = 2 repeat days (01-08, 01-29); t_x = 28 days = 4 weeks; T = 35 days = 5 weeks; m_x = (25 + 40)/2 = 32.5
      { customerId: 'a', x: 2, tx: 4, T: 5, mx: 32.5, firstDay: day('2024-01-01'), holdout: { x: 1, spend: 7 } },
      // x = 0; T = 2024-01-15 → 2024-02-05 = 21 days = 3 weeks
      { customerId: 'b', x: 0, tx: 0, T: 3, mx: 0, firstDay: day('2024-01-15'), holdout: { x: 0, spend: 0 } },
    ]);
  });

  it('says who and what it left out', () => {
    expect(summary.excluded).toEqual([
      { count: 1, reason: 'customers whose first purchase is after the calibration end' },
      { count: 1, reason: 'purchase days after the observation end' },
    ]);
    expect(summary.calibrationEndDay).toBe(day('2024-02-05'));
    expect(summary.observationEndDay).toBe(day('2024-03-04'));
  });

  it('counts a purchase on the calibration end day, in days when asked', () => {
    const [customer] = summariseCalibration([t('a', '2024-01-01', 1), t('a', '2024-01-31', 2)], {
      calibrationEnd: '2024-01-31',
      timeUnit: 'day',
    }).customers;
    expect(customer).toMatchObject({ x: 1, tx: 30, T: 30, mx: 2 });
    expect(customer?.holdout).toBeUndefined();
  });

  it.each([
    [{ calibrationEnd: '31/01/2024' }, /calibrationEnd/],
    [{ calibrationEnd: '2024-02-05', observationEnd: '2024-01-01' }, /before/],
  ])('rejects %o', (options, message) => {
    expect(() => summariseCalibration(log, options)).toThrow(ClvFitError);
    expect(() => summariseCalibration(log, options)).toThrow(message);
  });

  it('rejects a transaction without a valid day or amount', () => {
    expect(() => summariseCalibration([{ customerId: 'a', day: 1.5, amount: 3 }], { calibrationEnd: '2024-01-01' })).toThrow(/transaction #1/);
    expect(() => summariseCalibration([{ customerId: 'a', day: 1, amount: Number.NaN }], { calibrationEnd: '2024-01-01' })).toThrow(ClvFitError);
  });
});
