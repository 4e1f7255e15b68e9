/**
 * A map keyed by three numbers, such as a customer's (x, t_x, T). Nested Maps with
 * number keys: turning fractional numbers into string keys costs microseconds each,
 * which dominated grouping tens of thousands of customers.
 */
export class TripleMap<V> {
  private readonly root = new Map<number, Map<number, Map<number, V>>>();

  get(a: number, b: number, c: number): V | undefined {
    return this.root.get(a)?.get(b)?.get(c);
  }

  set(a: number, b: number, c: number, value: V): void {
    let level1 = this.root.get(a);
    if (!level1) this.root.set(a, (level1 = new Map()));
    let level2 = level1.get(b);
    if (!level2) level1.set(b, (level2 = new Map()));
    level2.set(c, value);
  }
}
