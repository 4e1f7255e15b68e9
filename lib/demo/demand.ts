import { DAY_MS } from '../period/units';
import type { DemoContext } from './context';
import type { Rng } from './random';

/**
 * When new business arrives: the demo company grows about 2 % a month, December
 * and August are slow, and little happens at weekends. Sampling from this curve
 * gives the month-over-month growth and seasonality the KPIs should show.
 */
export type DemandCurve = { sample(rng: Rng): number };

const SEASON: Readonly<Record<string, number>> = { '01': 0.9, '08': 0.85, '12': 0.8 };

export function createDemandCurve(ctx: DemoContext, weekendWeight: number, from = ctx.historyStart): DemandCurve {
  const { cal, asOf } = ctx;
  const first = cal.dayIndexAt(from);
  const last = cal.dayIndexAt(asOf);
  const cumulative: number[] = [];
  let total = 0;
  for (let index = first; index <= last; index += 1) {
    const day = cal.day(index);
    const months = (day.start - ctx.historyStart) / (30.4 * DAY_MS);
    let weight = (day.working ? 1 : weekendWeight) * (1 + 0.02 * months) * (SEASON[day.date.slice(5, 7)] ?? 1);
    // Today counts only for the part that has already happened.
    if (day.end > asOf) weight *= Math.max(0, (asOf - day.start) / (day.end - day.start));
    total += weight;
    cumulative.push(total);
  }
  return {
    sample(rng) {
      const roll = rng.next() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > roll) hi = mid;
        else lo = mid + 1;
      }
      const day = cal.day(first + lo);
      return cal.workTime(rng, Math.max(day.start, from), Math.min(day.end - 1, asOf));
    },
  };
}
