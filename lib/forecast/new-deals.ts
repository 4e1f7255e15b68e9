/**
 * Deals not created yet that will be created and won before the period ends. In each comparable span
 * (the same snapshots as the open deals' model), count each owner's deals created after the snapshot
 * and won within the span; an owner's rate is the mean count per span since the owner's first deal,
 * pulled towards the team's per-owner rate by a few spans' worth (a new rep starts at the team's pace).
 * How much the counts vary beyond Poisson (the dispersion) widens the draws; the amounts are drawn from
 * the owner's won deals that closed as quickly as such a deal must, else the team's.
 */
import type { DealTable } from './deal-table';
import type { Span } from './training';

/** A rep with no history counts as this many spans at the team's per-rep rate. */
export const NEW_DEAL_PRIOR_SPANS = 4;
const MIN_POOL = 5;

export type OwnerNewDeals = {
  /** The owner's code in the deal table; -1 for an owner with no deals. */
  owner: number;
  /** Expected count within the span. */
  rate: number;
  spans: number;
  observed: number;
  /** Relative variance of the rate: 1 over (distinct deals behind it + 1). */
  rateVariance: number;
  /** Amounts (reporting minor units) a new deal's amount is drawn from; empty when none is known. */
  pool: Float64Array;
  poolSource: 'owner' | 'team-quick' | 'team' | 'none';
};

export type NewDealsModel = {
  owners: OwnerNewDeals[];
  /** Variance ÷ mean of the scope's counts per span, at least 1. */
  dispersion: number;
  spans: number;
  /** Deals counted as created and won in some span (for the explain panel). */
  dealIds: string[];
};

export function fitNewDeals(
  table: DealTable,
  times: readonly number[],
  span: Span,
  /** Codes of the owners in scope, -1 for an owner with no deals at all (who starts at the team's pace). */
  scopeOwners: readonly number[],
  lookbackFrom: number,
): NewDealsModel {
  const amounts = table.own;
  const owners = table.ownerIds.length;
  const counts = new Float64Array(owners * times.length);
  const firstBorn = new Float64Array(owners).fill(Infinity);
  const counted = new Set<number>();
  const distinctBy = new Float64Array(owners);
  for (let i = 0; i < table.ids.length; i += 1) {
    const b = table.born[i] as number;
    if (Number.isNaN(b)) continue;
    const o = table.owner[i] as number;
    if (b < (firstBorn[o] as number)) firstBorn[o] = b;
    if (!table.won[i]) continue;
    const c = table.closed[i] as number;
    if (!Number.isFinite(c)) continue;
    const before = counted.size;
    for (let k = 0; k < times.length; k += 1) {
      const s = times[k] as number;
      if (b > s && b < s + span.horizon && c >= s + span.lead && c < s + span.horizon) {
        counts[o * times.length + k] = (counts[o * times.length + k] as number) + 1;
        counted.add(i);
      }
    }
    if (counted.size > before) distinctBy[o] = (distinctBy[o] as number) + 1;
  }

  // The team's per-owner rate: every count over every span an owner was active in.
  let teamCount = 0;
  let teamSpans = 0;
  const spansOf = (o: number) => (o < 0 ? 0 : times.filter((s) => s >= (firstBorn[o] as number)).length);
  const sumOf = (o: number) => {
    let sum = 0;
    if (o < 0) return 0;
    for (let k = 0; k < times.length; k += 1) sum += counts[o * times.length + k] as number;
    return sum;
  };
  for (let o = 0; o < owners; o += 1) {
    teamCount += sumOf(o);
    teamSpans += spansOf(o);
  }
  const teamRate = teamSpans > 0 ? teamCount / teamSpans : 0;

  const quick = (i: number) => (table.closed[i] as number) - (table.born[i] as number) < span.horizon;
  const pool = (filter: (i: number) => boolean): number[] => {
    const out: number[] = [];
    for (let i = 0; i < table.ids.length; i += 1) {
      const c = table.closed[i] as number;
      if (!table.won[i] || !Number.isFinite(c) || c < lookbackFrom || Number.isNaN(amounts[i] as number)) continue;
      if (filter(i)) out.push(amounts[i] as number);
    }
    // Sorted, so the amounts drawn never depend on the order of the records.
    return out.sort((a, b) => a - b);
  };
  const teamQuick = pool((i) => quick(i));
  const teamAll = teamQuick.length >= MIN_POOL ? teamQuick : pool(() => true);

  const result: OwnerNewDeals[] = scopeOwners.map((o) => {
    const spans = spansOf(o);
    const observed = sumOf(o);
    const rate = (observed + NEW_DEAL_PRIOR_SPANS * teamRate) / (spans + NEW_DEAL_PRIOR_SPANS);
    const rateVariance = 1 / ((o < 0 ? 0 : (distinctBy[o] as number)) + 1);
    const own = o < 0 ? [] : pool((i) => table.owner[i] === o && quick(i));
    if (own.length >= MIN_POOL) return { owner: o, rate, spans, observed, rateVariance, pool: Float64Array.from(own), poolSource: 'owner' };
    const source = teamAll.length === 0 ? 'none' : teamAll === teamQuick ? 'team-quick' : 'team';
    return { owner: o, rate, spans, observed, rateVariance, pool: Float64Array.from(teamAll), poolSource: source };
  });

  // Dispersion of the scope's total count per span.
  const totals = times.map((_, k) => scopeOwners.reduce((sum, o) => sum + (o < 0 ? 0 : (counts[o * times.length + k] as number)), 0));
  let dispersion = 1;
  if (totals.length >= 3) {
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    const variance = totals.reduce((a, b) => a + (b - mean) ** 2, 0) / (totals.length - 1);
    if (mean > 0) dispersion = Math.min(50, Math.max(1, variance / mean));
  }
  const inScope = new Set(scopeOwners);
  const dealIds = [...counted]
    .filter((i) => inScope.has(table.owner[i] as number))
    .map((i) => table.ids[i] as string)
    .sort();
  return { owners: result, dispersion, spans: times.length, dealIds };
}
