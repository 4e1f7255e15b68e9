/** Pieces of the deal table's construction (deal-table.ts). */
import type { Deal } from '../model';

/** A deal's status as a code (the rows' and the table's status column). */
export const [OPEN, WON, LOST] = [0, 1, 2];

/**
 * Amounts are a feature only where they were set before the outcome: when most lost deals carry none
 * (or 0), or most open deals carry none, the amount was filled in at closing, and its band would tell
 * the outcome rather than predict it.
 */
export function amountProblem(status: Uint8Array, amounts: Float64Array): string | undefined {
  let lost = 0;
  let lostWith = 0;
  let open = 0;
  let openWith = 0;
  let positive = 0;
  for (let i = 0; i < status.length; i += 1) {
    const has = !Number.isNaN(amounts[i] as number);
    if (has) positive += 1;
    if (status[i] === LOST) {
      lost += 1;
      if (has) lostWith += 1;
    } else if (status[i] === OPEN) {
      open += 1;
      if (has) openWith += 1;
    }
  }
  if (positive < 30) return 'fewer than 30 deals have an amount';
  if (lost > 0 && lostWith * 2 < lost) return 'most lost deals have no amount, so amounts look filled in at closing';
  if (open > 0 && openWith * 2 < open) return 'most open deals have no amount';
  return undefined;
}

export function bornOf(deal: Deal): number {
  if (deal.createdAt !== undefined) return deal.createdAt;
  let first = Number.NaN;
  if (deal.firstContactAt !== undefined) first = deal.firstContactAt;
  for (const v of deal.stageHistory ?? []) if (Number.isNaN(first) || v.enteredAt < first) first = v.enteredAt;
  return first;
}

/**
 * The deals in an order that does not depend on the input's: by creation, then close, then id (numbers
 * first: comparing ten thousand ids as strings would cost more than the rest of the table). Every sum
 * over deals is then taken in the same order, to the last bit.
 */
/** The positions in that order, from each deal's creation (absent: −∞), close (absent: +∞) and id. */
export function canonicalPermutation(born: Float64Array, closed: Float64Array, ids: readonly string[]): Int32Array {
  const n = ids.length;
  // Array#sort is stable, and so is this merge sort, so the order is the same to the last tie; with
  // the comparison written inline it takes a fraction of the builtin's time, which calls a closure per step.
  const compare = (a: number, b: number): number => {
    const byBorn = (born[a] as number) - (born[b] as number);
    if (byBorn) return byBorn;
    const byClose = (closed[a] as number) - (closed[b] as number);
    if (byClose) return byClose;
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  let from = new Int32Array(n);
  let to = new Int32Array(n);
  for (let i = 0; i < n; i += 1) from[i] = i;
  for (let width = 1; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = from[i] as number;
        const b = from[j] as number;
        if (compare(b, a) < 0) {
          to[k] = b;
          j += 1;
        } else {
          to[k] = a;
          i += 1;
        }
        k += 1;
      }
      while (i < mid) to[k++] = from[i++] as number;
      while (j < hi) to[k++] = from[j++] as number;
    }
    [from, to] = [to, from];
  }
  return from;
}

/** Small integer codes for ids, in order of first sight. */
export class Coder {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();
  code(value: string): number {
    let c = this.map.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.map.set(value, c);
    }
    return c;
  }
}
