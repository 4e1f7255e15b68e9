import { parseDay } from './days';
import { ClvFitError } from './errors';
import type { CustomerSummary, Excluded, Transaction } from './types';

export type CalibrationOptions = {
  /** Last day of the calibration period, inclusive (`YYYY-MM-DD`; CDNOW: 1997-09-30). */
  calibrationEnd: string;
  /** Last day of a hold-out period after it, inclusive, to compare predictions with what happened. */
  observationEnd?: string;
  timeUnit?: 'week' | 'day';
};

export type CalibrationSummary = {
  customers: CustomerSummary[];
  /** Customers and transactions left out, and why. */
  excluded: Excluded[];
  calibrationEndDay: number;
  observationEndDay?: number;
  timeUnit: 'week' | 'day';
};

/**
 * Turns a purchase log into the per-customer (x, t_x, T, m_x) the models read, the
 * way the literature does: a customer's clock starts at the first purchase; repeat
 * purchases are purchase days after it (several purchases on one day are one, their
 * amounts summed); t_x runs to the last repeat day and T to the calibration end;
 * m_x is the mean spend of the repeat days. Customers appear in the order of their
 * first row in the log.
 */
export function summariseCalibration(transactions: readonly Transaction[], options: CalibrationOptions): CalibrationSummary {
  const calibrationEndDay = readDay('calibrationEnd', options.calibrationEnd);
  const observationEndDay = options.observationEnd === undefined ? undefined : readDay('observationEnd', options.observationEnd);
  return summariseDays(transactions, { calibrationEndDay, observationEndDay, timeUnit: options.timeUnit ?? 'week' });
}

/** summariseCalibration with the period ends as day numbers (days since 1970-01-01, inclusive). */
export function summariseDays(
  transactions: readonly Transaction[],
  options: { calibrationEndDay: number; observationEndDay?: number | undefined; timeUnit?: 'week' | 'day' },
): CalibrationSummary {
  const { calibrationEndDay, observationEndDay, timeUnit = 'week' } = options;
  const daysPerUnit = timeUnit === 'week' ? 7 : 1;
  if (observationEndDay !== undefined && observationEndDay < calibrationEndDay) {
    throw new ClvFitError('invalid-input', 'observationEnd is before calibrationEnd');
  }
  const byCustomer = new Map<string, Map<number, number>>();
  transactions.forEach((t, index) => {
    if (!Number.isInteger(t.day) || !Number.isFinite(t.amount)) {
      throw new ClvFitError('invalid-input', `transaction #${index + 1} (${t.customerId}) has no valid day or amount`);
    }
    const days = byCustomer.get(t.customerId) ?? new Map<number, number>();
    days.set(t.day, (days.get(t.day) ?? 0) + t.amount);
    byCustomer.set(t.customerId, days);
  });
  const customers: CustomerSummary[] = [];
  let lateCustomers = 0;
  let afterObservation = 0;
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((u, v) => u - v);
    const firstDay = sorted[0] ?? 0;
    if (firstDay > calibrationEndDay) {
      lateCustomers++;
      continue;
    }
    let x = 0;
    let lastDay = firstDay;
    let repeatSpend = 0;
    const holdout = { x: 0, spend: 0 };
    for (const day of sorted.slice(1)) {
      const spend = days.get(day) ?? 0;
      if (day <= calibrationEndDay) {
        x++;
        lastDay = day;
        repeatSpend += spend;
      } else if (observationEndDay === undefined || day > observationEndDay) {
        afterObservation++;
      } else {
        holdout.x++;
        holdout.spend += spend;
      }
    }
    customers.push({
      customerId,
      x,
      tx: (lastDay - firstDay) / daysPerUnit,
      T: (calibrationEndDay - firstDay) / daysPerUnit,
      mx: x > 0 ? repeatSpend / x : 0,
      firstDay,
      ...(observationEndDay !== undefined && { holdout }),
    });
  }
  const excluded: Excluded[] = [];
  if (lateCustomers) excluded.push({ count: lateCustomers, reason: 'customers whose first purchase is after the calibration end' });
  if (afterObservation) {
    const end = observationEndDay === undefined ? 'calibration' : 'observation';
    excluded.push({ count: afterObservation, reason: `purchase days after the ${end} end` });
  }
  return { customers, excluded, calibrationEndDay, ...(observationEndDay !== undefined && { observationEndDay }), timeUnit };
}

function readDay(name: string, text: string): number {
  const day = parseDay(text);
  if (day === undefined) throw new ClvFitError('invalid-input', `${name} must be a date as YYYY-MM-DD, got "${text}"`);
  return day;
}
