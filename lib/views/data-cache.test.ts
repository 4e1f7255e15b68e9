import { describe, expect, it } from 'vitest';
import { emptyKpiData } from '../kpi/empty-data';
import type { KpiData } from '../kpi/types';
import type { LateTables } from '../kpi/late-tables';
import type { Customer, Deal, MrrMovement } from '../model';
import { createSourceCache } from './data-cache';

const empty: KpiData = emptyKpiData();
const deal = (id: string, title = id): Deal => ({ source: 's', externalId: id, updatedAt: 1, title, ownerId: 'u', status: 'open', lineItems: [] });

describe('source cache', () => {
  it('upserts and deletes like the database does, and rebuilds its snapshot only after a change', async () => {
    const cache = createSourceCache({ ...empty, deals: [deal('1'), deal('2')] });
    const before = await cache.data();
    expect(await cache.data()).toBe(before);
    cache.apply({ deal: [deal('1', 'renamed'), deal('3')] }, { deal: ['2'] });
    const after = await cache.data();
    expect(after).not.toBe(before);
    expect(after.deals.map((d) => [d.externalId, d.title])).toEqual([
      ['1', 'renamed'],
      ['3', '3'],
    ]);
    cache.apply({});
    expect(await cache.data()).toBe(after);
  });

  it('reads the big types back after a write when it can (the worker: from the column store), keeping the small ones in memory', async () => {
    const reloads: string[] = [];
    const cache = createSourceCache({ ...empty, deals: [deal('1')] }, async (type) => {
      reloads.push(type);
      return [deal('1', 'from the store'), deal('2')];
    });
    cache.apply({ deal: [deal('2')], owner: [{ source: 's', externalId: 'u', updatedAt: 1, name: 'U', role: 'rep', active: true }] });
    cache.apply({ deal: [deal('3')] }); // two writes, one read
    const data = await cache.data();
    expect(reloads).toEqual(['deal']);
    expect(data.deals.map((d) => d.title)).toEqual(['from the store', '2']);
    expect(data.owners.map((o) => o.name)).toEqual(['U']);
    expect(await cache.data()).toBe(data);
  });

  it('gives new arrays only for the kinds a write touched, so indexes kept per array survive it', async () => {
    const activity = { source: 's', externalId: 'a1', updatedAt: 1, type: 'call' as const, ownerId: 'u', occurredAt: 5, done: true };
    const cache = createSourceCache({ ...empty, deals: [deal('1')], activities: [activity] });
    const before = await cache.data();
    cache.apply({ deal: [deal('2')] });
    const after = await cache.data();
    expect(after.deals).not.toBe(before.deals);
    expect(after.deals).toHaveLength(2);
    expect(after.activities).toBe(before.activities);
    cache.apply({}, { activity: ['a1'] });
    expect((await cache.data()).activities).toEqual([]);
    expect((await cache.data()).deals).toBe(after.deals);
  });

  it('makes every reader wait for a read-back in flight, so none is answered with the records from before the write', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reloads: string[] = [];
    const cache = createSourceCache(empty, async (type) => {
      reloads.push(type);
      await gate;
      return [deal('1'), deal('2')];
    });
    cache.apply({ deal: [deal('1'), deal('2')] });
    const first = cache.data(); // starts the read-back
    await Promise.resolve();
    const second = cache.data(); // arrives while it runs
    release();
    const [a, b] = await Promise.all([first, second]);
    expect(reloads).toEqual(['deal']);
    expect(a.deals.map((d) => d.externalId)).toEqual(['1', '2']);
    expect(b.deals.map((d) => d.externalId)).toEqual(['1', '2']);
  });

  it('keeps a type stale when its read-back fails, and reads it again on the next request', async () => {
    let fail = true;
    const cache = createSourceCache(empty, async () => {
      if (fail) throw new Error('the database is closed');
      return [deal('1')];
    });
    cache.apply({ deal: [deal('1')] });
    await expect(cache.data()).rejects.toThrow('the database is closed');
    fail = false;
    expect((await cache.data()).deals.map((d) => d.externalId)).toEqual(['1']);
  });

  describe('with customers and MRR movements read after the rest (readLate)', () => {
    const customer = (id: string, name = id): Customer => ({ source: 's', externalId: id, updatedAt: 1, name });
    const movement = (id: string): MrrMovement => ({
      source: 's',
      externalId: id,
      updatedAt: 1,
      customerId: 'c1',
      kind: 'new',
      at: 5,
      amount: { minor: 100, currency: 'USD' },
    });
    function lateCache(read: () => Promise<LateTables>) {
      let reads = 0;
      const cache = createSourceCache({ ...empty, deals: [deal('1')] }, undefined, () => {
        reads += 1;
        return read();
      });
      return { cache, reads: () => reads };
    }

    it('answers early() before they arrive, with both empty, and data() with them', async () => {
      let arrive!: (tables: LateTables) => void;
      const { cache, reads } = lateCache(() => new Promise((resolve) => (arrive = resolve)));
      const early = await cache.early();
      expect(reads()).toBe(0); // early() does not start their read
      expect(early.deals.map((d) => d.externalId)).toEqual(['1']);
      expect([early.customers, early.mrrMovements]).toEqual([[], []]);
      let whole: KpiData | undefined;
      const waiting = cache.data().then((data) => (whole = data));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(whole).toBeUndefined(); // data() waits for them
      arrive({ customers: [customer('c1')], mrrMovements: [movement('m1')] });
      await waiting;
      expect(whole!.customers.map((c) => c.externalId)).toEqual(['c1']);
      expect(whole!.mrrMovements.map((m) => m.externalId)).toEqual(['m1']);
      expect(whole!.deals.map((d) => d.externalId)).toEqual(['1']);
      expect(await cache.early()).toBe(whole); // once they are in, early() is the whole data
      expect(reads()).toBe(1); // read once, by the first data()
    });

    it('keeps a write that lands before they arrive over what their read brings', async () => {
      let arrive!: (tables: LateTables) => void;
      const { cache } = lateCache(() => new Promise((resolve) => (arrive = resolve)));
      const reading = cache.data();
      // The sync renames c1 and deletes c2 while the read is in flight; the read saw both as they were.
      cache.apply({ customer: [customer('c1', 'renamed')] }, { customer: ['c2'] });
      expect((await cache.early()).customers).toEqual([]);
      arrive({ customers: [customer('c1', 'old'), customer('c2'), customer('c3')], mrrMovements: [] });
      const whole = await reading;
      expect(await cache.data()).toBe(whole);
      expect(whole.customers.map((c) => [c.externalId, c.name])).toEqual([
        ['c1', 'renamed'],
        ['c3', 'c3'],
      ]);
    });

    it('reads them again after a failed read, and never answers data() without them', async () => {
      let fail = true;
      const { cache, reads } = lateCache(async () => {
        if (fail) throw new Error('the database is closed');
        return { customers: [customer('c1')], mrrMovements: [] };
      });
      await expect(cache.data()).rejects.toThrow('the database is closed');
      expect((await cache.early()).customers).toEqual([]); // the rest still answers
      fail = false;
      expect((await cache.data()).customers.map((c) => c.externalId)).toEqual(['c1']);
      expect(reads()).toBe(2);
    });
  });
});
