import { describe, expect, it } from 'vitest';
import type { KpiId, KpiOk } from '../kpi/types';
import { shownStatus } from './benchmarks';
import { DEFAULT_SETTINGS, type KpiTarget } from './schema';

const JUNE = { start: Date.UTC(2017, 5, 1), end: Date.UTC(2017, 6, 1), label: '2017-06' };
const MID_JUNE = Date.UTC(2017, 5, 16); // 15 of June's 30 days passed
const ok = (id: KpiId, value: number, unit: string, extra: Partial<KpiOk> = {}): KpiOk => ({
  id,
  period: JUNE,
  status: 'ok',
  value,
  unit,
  counts: {},
  parts: {},
  recordType: 'deal',
  recordIds: [],
  ...extra,
});
const withTargets = (...kpiTargets: KpiTarget[]) => ({ ...DEFAULT_SETTINGS, kpiTargets });

describe('statuses against the enabled benchmarks', () => {
  it.each([
    // value, benchmarks checked, status
    [3, 3, 'on-track'], // all of open ≥ 30 %, reply ≥ 30 %, conversion ≥ 50 % met
    [1, 3, 'at-risk'],
    [0, 2, 'off-track'],
  ] as const)('30/30/50: %d of %d met → %s', (met, checked, status) => {
    expect(shownStatus(ok('emailBenchmarks', met, 'count', { denominator: checked }), DEFAULT_SETTINGS, MID_JUNE)).toEqual({
      status,
      against: 'cold-email',
      threshold: checked,
    });
  });

  it.each([
    [3.2, 'on-track'], // ≥ 3
    [1.5, 'at-risk'], // between 1 and 3: each customer pays back, but not three times
    [0.7, 'off-track'], // a customer costs more than it brings
  ] as const)('LTV:CAC %d → %s', (ratio, status) => {
    expect(shownStatus(ok('ltvToCac', ratio, 'ratio', { target: { value: 3, status: 'on-track' } }), DEFAULT_SETTINGS, MID_JUNE)?.status).toBe(status);
  });

  it('shows nothing for a benchmark the rep switched off, even when the engine set a target', () => {
    const off = { ...DEFAULT_SETTINGS, benchmarks: { coldEmail: false, ltvToCac: false, userDefined: true } };
    expect(shownStatus(ok('ltvToCac', 0.5, 'ratio', { target: { value: 3, status: 'off-track' } }), off, MID_JUNE)).toBeUndefined();
    expect(shownStatus(ok('emailBenchmarks', 0, 'count', { denominator: 3 }), off, MID_JUNE)).toBeUndefined();
  });

  it('always shows the engine target of a plan (quota), which is not a benchmark', () => {
    const off = { ...DEFAULT_SETTINGS, benchmarks: { coldEmail: false, ltvToCac: false, userDefined: false } };
    expect(shownStatus(ok('quotaAttainment', 40, '%', { target: { value: 1_000_000, status: 'at-risk' } }), off, MID_JUNE)).toEqual({
      status: 'at-risk',
      against: 'target',
      threshold: 1_000_000,
    });
  });

  it.each([
    // KPI, value, target, status
    ['winRate', 26, { comparison: 'at-least', value: 25 }, 'on-track'], // 26 ≥ 25
    ['winRate', 21, { comparison: 'at-least', value: 25 }, 'at-risk'], // 21 ≥ 25 × 0.8 = 20
    ['winRate', 19, { comparison: 'at-least', value: 25 }, 'off-track'], // 19 < 20
    ['avgSalesCycle', 30, { comparison: 'at-most', value: 30 }, 'on-track'], // 30 ≤ 30
    ['avgSalesCycle', 37, { comparison: 'at-most', value: 30 }, 'at-risk'], // 37 ≤ 30 ÷ 0.8 = 37.5
    ['avgSalesCycle', 38, { comparison: 'at-most', value: 30 }, 'off-track'], // 38 > 37.5
    // Builds up over June: by mid-June half of the target is expected.
    ['opportunitiesCreated', 10, { comparison: 'at-least', value: 20 }, 'on-track'], // 10 ≥ 20 × 15/30 = 10
    ['opportunitiesCreated', 8, { comparison: 'at-least', value: 20 }, 'at-risk'], // 8 ÷ 10 = 80 %
    ['opportunitiesCreated', 7, { comparison: 'at-least', value: 20 }, 'off-track'], // 70 % of pace
  ] as const)('a user target on %s: %d against %o → %s', (kpi, value, target, status) => {
    expect(shownStatus(ok(kpi, value, 'x'), withTargets({ kpi, ...target }), MID_JUNE)).toMatchObject({ status, against: 'user' });
  });

  it('reads a money target in major units of the result currency', () => {
    // $2,000 average purchase against "at least $2,500": 200,000 ≥ 250,000 × 0.8 = 200,000 → at risk.
    const result = shownStatus(
      ok('avgPurchaseValue', 200_000, 'USD'),
      withTargets({ kpi: 'avgPurchaseValue', comparison: 'at-least', value: 2_500 }),
      MID_JUNE,
    );
    expect(result).toEqual({ status: 'at-risk', against: 'user', threshold: 250_000 });
  });

  it('a user target wins over the built-in benchmark, and its switch turns all user targets off', () => {
    const settings = withTargets({ kpi: 'ltvToCac', comparison: 'at-least', value: 5 });
    expect(shownStatus(ok('ltvToCac', 4, 'ratio'), settings, MID_JUNE)).toMatchObject({ status: 'at-risk', against: 'user', threshold: 5 }); // 4 ≥ 5 × 0.8
    expect(shownStatus(ok('ltvToCac', 4, 'ratio'), { ...settings, benchmarks: { ...settings.benchmarks, userDefined: false } }, MID_JUNE)).toMatchObject({
      status: 'on-track',
      against: 'ltv-to-cac',
    });
  });
});
