import { describe, expect, it } from 'vitest';
import { evaluateBudgets } from './budgets';

describe('benchmark budgets', () => {
  it('passes, flags and breaks figures against their targets and headroom', () => {
    const verdicts = evaluateBudgets({
      kpi: {
        fast: { value: 40, unit: 'ms', budget: { max: 50 } },
        slowish: { value: 120, unit: 'ms', budget: { max: 50 } }, // over 50, within 3 × 50 = 150
        slow: { value: 151, unit: 'ms', budget: { max: 50 } },
        info: { value: 3, unit: 'ms' },
      },
      sizes: { content: { value: 15.01, unit: 'KB gzip', budget: { max: 15 } } },
      sync: { ratio: { value: 0.7, unit: 'ratio', budget: { min: 0.8 } }, worse: { value: 0.6, unit: 'ratio', budget: { min: 0.8 } } }, // 0.8 / 1.25 = 0.64
    });
    expect(verdicts.map((v) => [v.figure, v.status])).toEqual([
      ['kpi.fast', 'within'],
      ['kpi.slowish', 'over-target'],
      ['kpi.slow', 'broken'],
      ['sizes.content', 'broken'],
      ['sync.ratio', 'over-target'],
      ['sync.worse', 'broken'],
    ]);
  });
});
