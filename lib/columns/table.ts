/**
 * One source's records of one type as the worker holds them: the hot chunks (every record's owner,
 * instants, kind and status: what the KPI engine indexes by), and the cold chunks it has read so far.
 * Record objects are made only for the rows a query touches, from the chunks (`row`), and kept while
 * the table lives. `records()` looks like the array of records the engine and the views expect; a row
 * whose cold chunk is not in memory yet throws `ColdRowsNeeded`, which the view service answers by
 * reading the chunks and computing again (computations are pure, so a retry gives the same result).
 */
import {
  copyTimes,
  entryAt,
  readerOf,
  timeAt,
  valueAt,
  type DictColumn,
  type EncodedColumn,
  type FieldReader,
  type NumberColumn,
  type TimeColumn,
} from './codec';
import { setDerivedValue } from '../model/derived-fields';
import { markOnce, WORKER_MARKS } from '../perf';
import type { StoredChunk } from './chunk';
import { CHUNK_BITS, FIELD_SPECS, TIERS, type ColumnRecord, type ColumnType, type Tier } from './spec';

/** Reads chunks of a tier (all of them, or the given ones) from where they are stored. */
export type ColdLoader = (tier: Exclude<Tier, 'hot'>, chunks: readonly number[] | 'all') => Promise<StoredChunk[]>;
type LazyTier = Exclude<Tier, 'hot'>;

/** Thrown when a record is read whose cold (or extra) chunk has not been read yet; `load()` reads what is missing. */
export class ColdRowsNeeded extends Error {
  constructor(
    readonly table: ColumnTable<ColumnType>,
    readonly tier: LazyTier,
    readonly chunks: number[],
    /** The chunks are all the query needs (it asked for them up front): read only those. */
    readonly exact = false,
  ) {
    super(`column store: ${tier} rows of ${table.type} (${table.source}) are not read yet (chunks ${chunks.slice(0, 5).join(', ')})`);
    this.name = 'ColdRowsNeeded';
  }
  /**
   * After a miss met record by record the whole tier is read at once: one read, rather than one per
   * chunk a query runs into. A query that named every row it needs (`ColumnTable.need`) reads only those chunks.
   */
  load(): Promise<void> {
    return this.table.loadCold(this.tier, this.exact ? this.chunks : 'all');
  }
}

export const isColdRowsNeeded = (error: unknown): error is ColdRowsNeeded => error instanceof ColdRowsNeeded;

/**
 * Exact misses of several independent computations, read together: per table and tier, the union of
 * their chunks in one read (then the computations run again once, not once per miss).
 */
class ColdRowsNeededTogether extends ColdRowsNeeded {
  readonly misses: readonly ColdRowsNeeded[];
  constructor(misses: readonly ColdRowsNeeded[]) {
    const first = misses[0]!;
    super(first.table, first.tier, first.chunks, true);
    // A computation that collected its own (needWindowDeals) may be one of several collected again.
    this.misses = misses.flatMap((miss) => (miss instanceof ColdRowsNeededTogether ? miss.misses : [miss]));
  }
  override load(): Promise<void> {
    const union = new Map<ColumnTable<ColumnType>, Map<LazyTier, Set<number>>>();
    for (const miss of this.misses) {
      const tiers = union.get(miss.table) ?? new Map<LazyTier, Set<number>>();
      union.set(miss.table, tiers);
      const chunks = tiers.get(miss.tier) ?? new Set<number>();
      tiers.set(miss.tier, chunks);
      for (const chunk of miss.chunks) chunks.add(chunk);
    }
    const reads: Promise<void>[] = [];
    for (const [table, tiers] of union)
      for (const [tier, chunks] of tiers)
        reads.push(
          table.loadCold(
            tier,
            [...chunks].sort((a, b) => a - b),
          ),
        );
    return Promise.all(reads).then(() => undefined);
  }
}

/**
 * For a view made of independent computations over the column store (the pinned cards: the period's
 * KPIs, then today's and this week's activities): each one's exact miss is kept and the next one runs,
 * so all of them name the chunks they need before any is read. `settle` throws them as one miss (one
 * read, one run again); a cold worker's first pinned view met them one after another, each a read and
 * a computation started over.
 */
export function collectColdNeeds() {
  const misses: ColdRowsNeeded[] = [];
  return {
    /** The computation's value, or undefined when it stopped at an exact miss (kept for `settle`). */
    attempt<V>(compute: () => V): V | undefined {
      try {
        return compute();
      } catch (error) {
        if (!isColdRowsNeeded(error) || !error.exact) throw error;
        misses.push(error);
        return undefined;
      }
    },
    /** Throws the misses kept, as one; returns when every computation ran through. */
    settle(): void {
      if (misses.length === 1) throw misses[0];
      if (misses.length > 1) throw new ColdRowsNeededTogether(misses);
    },
  };
}

const HOT_MASK = (1 << CHUNK_BITS.hot) - 1;
const MASK: Record<Tier, number> = { hot: HOT_MASK, cold: (1 << CHUNK_BITS.cold) - 1, extra: (1 << CHUNK_BITS.extra) - 1 };
const registry = new WeakMap<object, ColumnTable<ColumnType>>();
/** Each chunk's field readers, made the first time a record is made from it. */
const readers = new WeakMap<StoredChunk, FieldReader[]>();
const specIndex = new Map<ColumnType, Map<string, number>>();
const specOf = (type: ColumnType, name: string) => {
  let index = specIndex.get(type);
  if (!index) specIndex.set(type, (index = new Map(FIELD_SPECS[type].map((spec, i) => [spec.name, i]))));
  return FIELD_SPECS[type][index.get(name)!]!;
};

function readersOf(type: ColumnType, chunk: StoredChunk): FieldReader[] {
  let list = readers.get(chunk);
  if (!list) readers.set(chunk, (list = FIELD_SPECS[type].map((spec) => (spec.tier === chunk.tier ? readerOf(spec, chunk.cols[spec.name]) : () => undefined))));
  return list;
}

/**
 * The fields the column store keeps of the record in `slot`, read from its chunks (one per tier; a
 * missing chunk gives none of its tier's fields). For the few records a page shows, without a table.
 */
export function fieldsAt(type: ColumnType, chunks: Partial<Record<Tier, StoredChunk>>, slot: number, externalId: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const specs = FIELD_SPECS[type];
  for (let f = 0; f < specs.length; f += 1) {
    const spec = specs[f]!;
    const chunk = chunks[spec.tier];
    if (spec.derive || !chunk) continue;
    const value = readersOf(type, chunk)[f]!(slot & MASK[spec.tier], externalId);
    if (value !== undefined) fields[spec.name] = value;
  }
  return fields;
}

/** The column table behind an array of records made by `ColumnTable.records()`, if it is one. */
export function columnTableOf(records: readonly unknown[]): ColumnTable<ColumnType> | undefined {
  return registry.get(records);
}

/** Owner-like ids as integers: `ids` numbers each distinct value, `of` gives each position's (-1: absent). */
export type CodeColumn = { ids: Map<string, number>; of: Int32Array };

/**
 * A sorted order of the live rows by one instant, kept in the store beside the chunks: `generation` is
 * the column store's write count it was made at, so it is used only while nothing was written since.
 */
export type StoredOrder = { source: string; type: ColumnType; tier: 'order'; chunk: number; name: string; generation: number; order: Uint32Array };

export class ColumnTable<T extends ColumnType> {
  /** Orders made here since the table was read (to keep in the store for the next cold start). */
  readonly madeOrders = new Map<string, Uint32Array>();
  private readonly storedOrders = new Map<string, Uint32Array>();
  /** The column store's write count when the hot chunks were read (undefined: not from a store). */
  generation: number | undefined;

  /** Live records, in slot order. */
  readonly length: number;
  /** Position (0 … length − 1) → slot; null when no slot was ever deleted (position = slot). */
  private readonly slots: Uint32Array | null;
  private readonly hot: StoredChunk[] = [];
  private readonly lazy: Record<LazyTier, (StoredChunk | undefined)[]> = { cold: [], extra: [] };
  private readonly complete: Record<LazyTier, boolean> = { cold: false, extra: false };
  private readonly made: (ColumnRecord[T] | undefined)[];
  private loading: Promise<void> | undefined;
  private array: readonly ColumnRecord[T][] | undefined;

  constructor(
    readonly source: string,
    readonly type: T,
    hotChunks: readonly StoredChunk[],
    private readonly loader: ColdLoader,
  ) {
    for (const chunk of hotChunks) this.hot[chunk.chunk] = chunk;
    let slots = 0;
    let live = 0;
    for (const chunk of this.hot) {
      if (!chunk) continue;
      slots = Math.max(slots, (chunk.chunk << CHUNK_BITS.hot) + chunk.size);
      for (let k = 0; k < chunk.size; k += 1) live += chunk.alive![k] as number;
    }
    this.length = live;
    if (live === slots) this.slots = null;
    else {
      this.slots = new Uint32Array(live);
      let p = 0;
      for (const chunk of this.hot) {
        if (!chunk) continue;
        const base = chunk.chunk << CHUNK_BITS.hot;
        for (let k = 0; k < chunk.size; k += 1) if (chunk.alive![k]) this.slots[p++] = base + k;
      }
    }
    this.made = new Array(live);
  }

  /** Orders read with the hot chunks; those of another generation are ignored. */
  useOrders(generation: number, orders: readonly StoredOrder[]): void {
    this.generation = generation;
    for (const order of orders) if (order.generation === generation && order.order.length <= this.length) this.storedOrders.set(order.name, order.order);
  }

  /**
   * The live rows sorted by an instant (`sort` makes it from the values): the stored order when it is
   * of this generation, else made now and remembered to be stored.
   */
  sorted(
    name: string,
    values: { raw: Float64Array; has: Uint8Array },
    sort: (values: { raw: Float64Array; has: Uint8Array }) => { order: Uint32Array; times: Float64Array },
  ): { order: Uint32Array; times: Float64Array } {
    const stored = this.storedOrders.get(name);
    if (stored) {
      const times = new Float64Array(stored.length);
      for (let k = 0; k < stored.length; k += 1) times[k] = values.raw[stored[k] as number] as number;
      return { order: stored, times };
    }
    const index = sort(values);
    if (this.generation !== undefined) this.madeOrders.set(name, index.order);
    return index;
  }

  slotOf(position: number): number {
    return this.slots ? (this.slots[position] as number) : position;
  }

  // ——— columns for the engine (per position, no record objects) ———

  /** Each position's hot column `name`, visited chunk by chunk. */
  private each(name: string, visit: (column: EncodedColumn, k: number, position: number) => void): void {
    if (!this.slots) {
      // No slot was ever freed: positions are slots, chunk after chunk.
      for (const chunk of this.hot) {
        if (!chunk) continue;
        const column = chunk.cols[name]!;
        const base = chunk.chunk << CHUNK_BITS.hot;
        for (let k = 0; k < chunk.size; k += 1) visit(column, k, base + k);
      }
      return;
    }
    for (let p = 0; p < this.length; p += 1) {
      const slot = this.slotOf(p);
      visit(this.hot[slot >>> CHUNK_BITS.hot]!.cols[name]!, slot & HOT_MASK, p);
    }
  }

  private readonly gathered = new Map<string, unknown>();
  private memo<V>(key: string, make: () => V): V {
    let value = this.gathered.get(key) as V | undefined;
    if (value === undefined) this.gathered.set(key, (value = make()));
    return value;
  }

  /** An instant column: the values and whether each position has one (a fresh copy: callers may change it). */
  times(name: string): { raw: Float64Array; has: Uint8Array } {
    const raw = new Float64Array(this.length);
    const has = new Uint8Array(this.length);
    if (!this.slots) {
      for (const chunk of this.hot) if (chunk) copyTimes(chunk.cols[name] as TimeColumn | NumberColumn, chunk.size, raw, has, chunk.chunk << CHUNK_BITS.hot);
      return { raw, has };
    }
    this.each(name, (column, k, p) => {
      const t = timeAt(column as TimeColumn | NumberColumn, k);
      if (t === undefined) return;
      raw[p] = t;
      has[p] = 1;
    });
    return { raw, has };
  }

  /** A dictionary column as integers over the whole table (ids numbered in order of first appearance); made once. */
  codes(name: string): CodeColumn {
    return this.memo(`codes:${name}`, () => this.makeCodes(name));
  }

  private makeCodes(name: string): CodeColumn {
    const ids = new Map<string, number>();
    const of = new Int32Array(this.length);
    if (!this.slots) {
      // Every row is live and a chunk's dictionary lists its rows' values in order of first
      // appearance, so numbering each chunk's entries in turn is the same numbering, one look-up per row.
      const globalOf = (column: DictColumn): Int32Array => {
        const local = new Int32Array(column.de.length + 1);
        local[0] = -1;
        for (let code = 1; code <= column.de.length; code += 1) {
          const id = entryAt(column.d, column.de, code - 1);
          let global = ids.get(id);
          if (global === undefined) ids.set(id, (global = ids.size));
          local[code] = global;
        }
        return local;
      };
      for (const chunk of this.hot) {
        if (!chunk) continue;
        const column = chunk.cols[name] as DictColumn;
        const local = globalOf(column);
        const base = chunk.chunk << CHUNK_BITS.hot;
        for (let k = 0; k < chunk.size; k += 1) of[base + k] = local[column.v[k] as number] as number;
      }
      return { ids, of };
    }
    // Deleted rows may hold ids no live row has: number an id when a live row first shows it.
    let chunk: EncodedColumn | undefined;
    let local: Int32Array = new Int32Array(0);
    this.each(name, (column, k, p) => {
      if (column !== chunk) {
        chunk = column;
        local = new Int32Array((column as DictColumn).de.length + 1).fill(-2);
        local[0] = -1;
      }
      const code = (column as DictColumn).v[k] as number;
      let global = local[code] as number;
      if (global === -2) {
        const id = entryAt((column as DictColumn).d, (column as DictColumn).de, code - 1);
        global = ids.get(id) ?? -2;
        if (global === -2) ids.set(id, (global = ids.size));
        local[code] = global;
      }
      of[p] = global;
    });
    return { ids, of };
  }

  /** A hot number column per position (NaN: absent, or its chunk was written before the column existed); made once. */
  numbers(name: string): Float64Array {
    return this.memo(`numbers:${name}`, () => {
      const out = new Float64Array(this.length).fill(Number.NaN);
      for (let p = 0; p < this.length; p += 1) {
        const slot = this.slotOf(p);
        const column = this.hot[slot >>> CHUNK_BITS.hot]?.cols[name] as NumberColumn | undefined;
        if (column) out[p] = column.v[slot & HOT_MASK] as number;
      }
      return out;
    });
  }

  /** An enum or bool column's raw codes (0 absent; enum: index in its values + 1; bool: 1 false, 2 true); made once. */
  bytes(name: string): Uint8Array {
    return this.memo(`bytes:${name}`, () => {
      const out = new Uint8Array(this.length);
      if (this.slots) this.each(name, (column, k, p) => (out[p] = (column as { v: Uint8Array }).v[k] as number));
      else for (const chunk of this.hot) if (chunk) out.set((chunk.cols[name] as { v: Uint8Array }).v.subarray(0, chunk.size), chunk.chunk << CHUNK_BITS.hot);
      return out;
    });
  }

  /** A flags column's raw bits (0: absent). */
  flags(name: string): Uint16Array {
    const out = new Uint16Array(this.length);
    if (this.slots) this.each(name, (column, k, p) => (out[p] = (column as { v: Uint16Array }).v[k] as number));
    else for (const chunk of this.hot) if (chunk) out.set((chunk.cols[name] as { v: Uint16Array }).v.subarray(0, chunk.size), chunk.chunk << CHUNK_BITS.hot);
    return out;
  }

  /** One hot field of one position, as the record has it. */
  hotValue(name: string, position: number): unknown {
    const slot = this.slotOf(position);
    return valueAt(specOf(this.type, name), this.hot[slot >>> CHUNK_BITS.hot]!.cols[name]!, slot & HOT_MASK);
  }

  /**
   * One field of one position, from its chunk, without making the record; throws ColdRowsNeeded when
   * that chunk is not read yet. For the few fields a scan over every row needs of some rows only.
   */
  value(name: string, position: number): unknown {
    const spec = specOf(this.type, name);
    const slot = this.slotOf(position);
    const tier = spec.tier;
    const chunk = tier === 'hot' ? this.hot[slot >>> CHUNK_BITS.hot] : this.lazy[tier][slot >>> CHUNK_BITS[tier]];
    if (!chunk) throw new ColdRowsNeeded(this as unknown as ColumnTable<ColumnType>, tier as LazyTier, [slot >>> CHUNK_BITS[tier]]);
    const column = chunk.cols[name];
    return column ? valueAt(spec, column, slot & MASK[tier]) : undefined;
  }

  /**
   * The given fields of every position (those each has), as new objects: no record is made or kept.
   * Reads every chunk of the tiers the fields are in (throws ColdRowsNeeded naming those not read yet).
   */
  fieldsOfAll(names: readonly string[]): Record<string, unknown>[] {
    return this.fieldsOfRange(names, 0, this.length);
  }

  /**
   * `fieldsOfAll` for the positions from `from` to `to` (excluded), so a caller can read every row a
   * batch at a time and drop each batch; it too needs every chunk of the fields' tiers in memory.
   */
  fieldsOfRange(names: readonly string[], from: number, to: number): Record<string, unknown>[] {
    const specs = FIELD_SPECS[this.type];
    const wanted = names.map((name) => specs.findIndex((spec) => spec.name === name));
    const tiers = new Set(wanted.map((f) => specs[f]!.tier));
    for (const tier of tiers) if (tier !== 'hot') this.needAll(tier);
    const out = new Array<Record<string, unknown>>(Math.max(0, to - from));
    const lists: Record<Tier, FieldReader[] | undefined> = { hot: undefined, cold: undefined, extra: undefined };
    const at: Record<Tier, number> = { hot: -1, cold: -1, extra: -1 };
    for (let p = from; p < to; p += 1) {
      const slot = this.slotOf(p);
      for (const tier of TIERS) {
        const chunk = slot >>> CHUNK_BITS[tier];
        if (at[tier] === chunk || !tiers.has(tier)) continue;
        at[tier] = chunk;
        lists[tier] = readersOf(this.type, tier === 'hot' ? this.hot[chunk]! : this.lazy[tier][chunk]!);
      }
      const row: Record<string, unknown> = { source: this.source };
      for (let w = 0; w < wanted.length; w += 1) {
        const f = wanted[w]!;
        const tier = specs[f]!.tier;
        // Ids are not in the links' tier for these fields: no field read here is a link.
        const value = lists[tier]![f]!(slot & MASK[tier], undefined);
        if (value !== undefined) row[names[w]!] = value;
      }
      out[p - from] = row;
    }
    return out;
  }

  /** Every chunk of a lazy tier in memory, or ColdRowsNeeded naming exactly those that are not. */
  needAll(tier: LazyTier): void {
    if (this.complete[tier]) return;
    const last = this.length === 0 ? -1 : this.slotOf(this.length - 1) >>> CHUNK_BITS[tier];
    const missing: number[] = [];
    for (let chunk = 0; chunk <= last; chunk += 1) if (!this.lazy[tier][chunk] && this.hasLive(tier, chunk)) missing.push(chunk);
    if (missing.length) throw new ColdRowsNeeded(this as unknown as ColumnTable<ColumnType>, tier, missing, true);
  }

  /** Whether a lazy chunk holds a live row (a chunk of deleted rows only may be absent from the store). */
  private hasLive(tier: LazyTier, chunk: number): boolean {
    const from = chunk << CHUNK_BITS[tier];
    const to = from + (1 << CHUNK_BITS[tier]);
    if (!this.slots) return from < this.length;
    // Slots are sorted: a binary search for the first live slot at or after `from`.
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.slots[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.length && (this.slots[lo] as number) < to;
  }

  /**
   * Asks up front for the lazy chunks of the given positions: throws ColdRowsNeeded for exactly the
   * missing ones (read alone, not the whole tier), or returns when all are in memory.
   */
  need(tier: LazyTier, positions: Iterable<number>): void {
    const missing = this.missing(tier, positions);
    if (missing.length) throw new ColdRowsNeeded(this as unknown as ColumnTable<ColumnType>, tier, missing, true);
  }

  // ——— records ———

  /** The chunks of a lazy tier the given positions are in that are not in memory yet. */
  missing(tier: LazyTier, positions: Iterable<number>): number[] {
    const missing = new Set<number>();
    if (this.complete[tier]) return [];
    for (const p of positions) {
      const chunk = this.slotOf(p) >>> CHUNK_BITS[tier];
      if (!this.lazy[tier][chunk]) missing.add(chunk);
    }
    return [...missing].sort((a, b) => a - b);
  }

  /** Reads chunks of a lazy tier (all of them, or the given ones) into memory; reads run one after another. */
  async loadCold(tier: LazyTier, chunks: readonly number[] | 'all'): Promise<void> {
    const previous = this.loading;
    const run = (async () => {
      await previous?.catch(() => undefined);
      if (this.complete[tier]) return;
      const wanted = chunks === 'all' ? 'all' : chunks.filter((chunk) => !this.lazy[tier][chunk]);
      if (wanted !== 'all' && wanted.length === 0) return;
      for (const chunk of await this.loader(tier, wanted)) this.lazy[tier][chunk.chunk] = chunk;
      if (wanted === 'all') this.complete[tier] = true;
    })();
    this.loading = run;
    await run;
  }

  /**
   * The record at a position (made once, from the chunks); throws ColdRowsNeeded when its cold chunk
   * is not read yet. Extra fields whose chunk is not read yet are getters that read it when touched.
   */
  row(position: number): ColumnRecord[T] {
    const done = this.made[position];
    if (done) return done;
    const slot = this.slotOf(position);
    const chunks: Record<Tier, StoredChunk | undefined> = {
      hot: this.hot[slot >>> CHUNK_BITS.hot],
      cold: this.lazy.cold[slot >>> CHUNK_BITS.cold],
      extra: this.lazy.extra[slot >>> CHUNK_BITS.extra],
    };
    if (!chunks.cold) throw new ColdRowsNeeded(this as unknown as ColumnTable<ColumnType>, 'cold', [slot >>> CHUNK_BITS.cold]);
    const record: Record<string, unknown> = { source: this.source };
    const specs = FIELD_SPECS[this.type];
    const read = { hot: readersOf(this.type, chunks.hot!), cold: readersOf(this.type, chunks.cold), extra: chunks.extra && readersOf(this.type, chunks.extra) };
    for (let f = 0; f < specs.length; f += 1) {
      const spec = specs[f]!;
      const list = read[spec.tier];
      if (spec.derive) {
        // Kept beside the record, not on it: a record made from the store has the fields of the record written.
        const value = spec.kind === 'byte' ? undefined : list?.[f]!(slot & MASK[spec.tier], undefined);
        if (typeof value === 'number') setDerivedValue(spec.name, record, value);
        continue;
      }
      if (!list) {
        this.deferred(record, spec.name, slot);
        continue;
      }
      const value = list[f]!(slot & MASK[spec.tier], record.externalId as string | undefined);
      if (value !== undefined) record[spec.name] = value;
    }
    this.made[position] = record as ColumnRecord[T];
    return record as ColumnRecord[T];
  }

  /** Where each made record lives (for the extra fields read on first touch). */
  private readonly slotOfRecord = new WeakMap<object, number>();
  private readonly deferredFields = new Map<string, PropertyDescriptor>();

  /**
   * An extra field read when first touched (then a plain property; an absent value reads as
   * undefined). One getter per field for all records, so the records keep one shape.
   */
  private deferred(record: Record<string, unknown>, name: string, slot: number): void {
    this.slotOfRecord.set(record, slot);
    let descriptor = this.deferredFields.get(name);
    if (!descriptor) {
      const spec = specOf(this.type, name);
      const { lazy, slotOfRecord } = this;
      const table = this as unknown as ColumnTable<ColumnType>;
      descriptor = {
        enumerable: true,
        configurable: true,
        get(this: Record<string, unknown>) {
          const at = slotOfRecord.get(this)!;
          const chunk = lazy.extra[at >>> CHUNK_BITS.extra];
          if (!chunk) throw new ColdRowsNeeded(table, 'extra', [at >>> CHUNK_BITS.extra]);
          const column = chunk.cols[name];
          const value = column ? valueAt(spec, column, at & MASK.extra) : undefined;
          Object.defineProperty(this, name, { value, enumerable: true, configurable: true, writable: true });
          return value;
        },
      };
      this.deferredFields.set(name, descriptor);
    }
    Object.defineProperty(record, name, descriptor);
  }

  /**
   * The records as a read-only array (the same one each time): indexing makes a record on demand.
   * It is an array to every reader (Array.isArray, length, iteration, map, filter...); iterating all of
   * it makes every record, so hot paths read the columns instead (kpi/engine/columns.ts, lib/views).
   */
  records(): readonly ColumnRecord[T][] {
    if (this.array) return this.array;
    const length = this.length;
    const target: ColumnRecord[T][] = [];
    target.length = length;
    const row = (position: number) => this.row(position);
    const array = new Proxy(target, {
      get(t, key, receiver) {
        if (typeof key === 'string') {
          const position = key.length > 0 && key.charCodeAt(0) <= 57 ? Number(key) : Number.NaN;
          if (Number.isInteger(position) && position >= 0) return position < length ? row(position) : undefined;
        }
        return Reflect.get(t, key, receiver);
      },
      has(t, key) {
        if (typeof key === 'string') {
          const position = Number(key);
          if (Number.isInteger(position) && position >= 0) return position < length;
        }
        return Reflect.has(t, key);
      },
      set() {
        return false;
      },
      deleteProperty() {
        return false;
      },
    });
    registry.set(array, this as unknown as ColumnTable<ColumnType>);
    this.array = array;
    return array;
  }
}

/**
 * Runs a computation over data that may hold column tables: when it touches records whose chunks are
 * not read yet, reads them and runs it again (computations are pure: the retry gives what one run with
 * everything read would have). A few tiers at most can be missing, so a few runs at most are needed.
 */
export async function withColumns<T>(compute: () => T | Promise<T>, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await compute();
    } catch (error) {
      if (!isColdRowsNeeded(error) || attempt >= attempts) throw error;
      markOnce(WORKER_MARKS.coldRowsAsked);
      await error.load();
      markOnce(WORKER_MARKS.coldRowsRead);
    }
  }
}
