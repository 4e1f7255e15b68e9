import { describe, expect, it } from 'vitest';
import { activitySchema, dealSchema, ownerSchema, productSchema, stageSchema } from '../model';
import { simulateCrm } from './test-support';

describe('the simulated CRM', () => {
  it('is made of valid canonical records', () => {
    const { data, truth } = simulateCrm({ seed: 1, reps: 2, days: 120, activities: true, stages: true });
    for (const d of data.deals) expect(dealSchema.safeParse(d).success, d.externalId).toBe(true);
    for (const a of data.activities) expect(activitySchema.safeParse(a).success, a.externalId).toBe(true);
    for (const o of data.owners) expect(ownerSchema.safeParse(o).success).toBe(true);
    for (const p of data.products) expect(productSchema.safeParse(p).success).toBe(true);
    for (const s of data.stages) expect(stageSchema.safeParse(s).success).toBe(true);
    expect(truth.winProbability.size).toBe(data.deals.length);
  });

  it('wins deals at the probabilities it says', () => {
    const { data, truth } = simulateCrm({ seed: 2, reps: 6, days: 600 });
    const expected = [...truth.winProbability.values()].reduce((a, b) => a + b, 0);
    const won = data.deals.filter((d) => d.status === 'won').length;
    // Standard deviation of the count is below √expected.
    expect(Math.abs(won - expected)).toBeLessThan(3 * Math.sqrt(expected));
  });
});
