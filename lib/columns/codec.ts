/**
 * How one column of one chunk is stored (as IndexedDB keeps it: typed arrays and a few strings, never
 * one object per record) and read back, a value at a time or all at once for an edit.
 */
import type { FieldSpec } from './spec';

/** Whole seconds since 2000-01-01T00:00Z, + 1 (0: absent; EXACT: the instant is kept in `xi`/`xv`). */
const EPOCH = 946_684_800_000;
const EXACT = 0xffff_ffff;

/** Instants as whole seconds (see EPOCH); a chunk where more than 1 in 16 have milliseconds keeps them as a NumberColumn. */
export type TimeColumn = { k: 'time'; s: Uint32Array; xi: number[]; xv: number[] };
export type NumberColumn = { k: 'f64'; v: Float64Array };
export type ByteColumn = { k: 'u8'; v: Uint8Array };
/** Strings joined (`s`) with end offsets (`e`); `h` marks the entries present. */
export type TextColumn = { k: 'text'; s: string; e: Uint32Array; h: Uint8Array };
/** Codes (0 absent, i → entry i − 1) into the chunk's distinct strings, themselves joined like text. */
export type DictColumn = { k: 'dict'; v: Uint16Array; d: string; de: Uint32Array };
export type MoneyColumn = { k: 'money'; m: Float64Array; c: Uint16Array; d: string; de: Uint32Array };
export type FlagsColumn = { k: 'flags'; v: Uint16Array };
/**
 * Links to the record in the CRM, which are nearly always one address per source with the record's id
 * in it: per row a code into the chunk's templates (`r` + prefix + NUL + suffix: the id as it is, `e`:
 * the id URI-encoded), 0 absent; a link no template gives is kept whole in `xi`/`xv`.
 */
export type LinkColumn = { k: 'link'; v: Uint16Array; d: string; de: Uint32Array; xi: number[]; xv: string[] };
export type EncodedColumn = TimeColumn | NumberColumn | ByteColumn | TextColumn | DictColumn | MoneyColumn | FlagsColumn | LinkColumn;

const LINK_EXACT = 0xffff;

type Money = { minor: number; currency: string };

// ——— reading one value ———

const exactOf = new WeakMap<TimeColumn, Map<number, number>>();

/**
 * Rows [0, size) of an instant column into `raw`/`has` from `at` on: the loop a cold worker runs over
 * every record, so it reads the typed arrays directly (no call per row).
 */
export function copyTimes(column: TimeColumn | NumberColumn, size: number, raw: Float64Array, has: Uint8Array, at: number): void {
  if (column.k === 'f64') {
    const v = column.v;
    for (let k = 0; k < size; k += 1) {
      const t = v[k] as number;
      if (t === t) {
        raw[at + k] = t;
        has[at + k] = 1;
      }
    }
    return;
  }
  const s = column.s;
  for (let k = 0; k < size; k += 1) {
    const sec = s[k] as number;
    if (sec === 0) continue;
    raw[at + k] = sec === EXACT ? (timeAt(column, k) as number) : EPOCH + (sec - 1) * 1000;
    has[at + k] = 1;
  }
}

export function timeAt(column: TimeColumn | NumberColumn, k: number): number | undefined {
  if (column.k === 'f64') {
    const v = column.v[k] as number;
    return Number.isNaN(v) ? undefined : v;
  }
  const s = column.s[k] as number;
  if (s === 0) return undefined;
  if (s !== EXACT) return EPOCH + (s - 1) * 1000;
  let exact = exactOf.get(column);
  if (!exact) exactOf.set(column, (exact = new Map(column.xi.map((i, n) => [i, column.xv[n] as number]))));
  return exact.get(k);
}

/** The i-th entry of joined strings. */
export function entryAt(joined: string, ends: Uint32Array, i: number): string {
  return joined.slice(i === 0 ? 0 : (ends[i - 1] as number), ends[i] as number);
}

export function dictAt(column: DictColumn, k: number): string | undefined {
  const code = column.v[k] as number;
  return code === 0 ? undefined : entryAt(column.d, column.de, code - 1);
}

export function textAt(column: TextColumn, k: number): string | undefined {
  return column.h[k] ? entryAt(column.s, column.e, k) : undefined;
}

function flagsAt(value: number, keys: readonly string[]): Record<string, boolean> | undefined {
  if (value === 0) return undefined;
  const out: Record<string, boolean> = {};
  keys.forEach((key, i) => {
    const bits = (value >>> (2 * i)) & 3;
    if (bits) out[key] = bits === 2;
  });
  return out;
}

function linkAt(column: LinkColumn, k: number, id: string): string | undefined {
  const code = column.v[k] as number;
  if (code === 0) return undefined;
  if (code === LINK_EXACT) return column.xv[column.xi.indexOf(k)];
  const template = entryAt(column.d, column.de, code - 1);
  const cut = template.indexOf('\u0000');
  return template.slice(1, cut) + (template[0] === 'e' ? encodeURIComponent(id) : id) + template.slice(cut + 1);
}

/** The template a link follows for a record id, if one does (the id's last occurrence, as is or URI-encoded). */
function templateOf(url: string, id: string): string | undefined {
  if (id === '' || url.includes('\u0000')) return undefined;
  for (const [mode, inUrl] of [
    ['r', id],
    ['e', encodeURIComponent(id)],
  ] as const) {
    const at = url.lastIndexOf(inUrl);
    if (at >= 0) return `${mode}${url.slice(0, at)}\u0000${url.slice(at + inUrl.length)}`;
  }
  return undefined;
}

/** One field of one row, as the record had it (undefined when absent); links need the row's id. */
export function valueAt(spec: FieldSpec, column: EncodedColumn, k: number, id = ''): unknown {
  switch (column.k) {
    case 'time':
      return timeAt(column, k);
    case 'f64': {
      if (spec.kind === 'time') return timeAt(column, k);
      const v = column.v[k] as number;
      return Number.isNaN(v) ? undefined : v;
    }
    case 'u8': {
      const v = column.v[k] as number;
      if (spec.kind === 'byte') return v;
      if (v === 0) return undefined;
      return spec.kind === 'bool' ? v === 2 : spec.values![v - 1];
    }
    case 'dict':
      return dictAt(column, k);
    case 'text': {
      const text = textAt(column, k);
      return text === undefined || spec.kind !== 'json' ? text : JSON.parse(text);
    }
    case 'money': {
      const minor = column.m[k] as number;
      return Number.isNaN(minor) ? undefined : { minor, currency: entryAt(column.d, column.de, (column.c[k] as number) - 1) };
    }
    case 'flags':
      return flagsAt(column.v[k] as number, spec.keys!);
    case 'link':
      return linkAt(column, k, id);
  }
}

// ——— writing a whole column from values ———

function joined(list: readonly string[]): { s: string; e: Uint32Array } {
  const e = new Uint32Array(list.length);
  let length = 0;
  list.forEach((entry, i) => (e[i] = length += entry.length));
  return { s: list.join(''), e };
}

/** Distinct strings numbered in order of first appearance; `code(value)` is 0 for absent. */
function dictionary() {
  const codes = new Map<string, number>();
  const entries: string[] = [];
  return {
    code(value: string | undefined): number {
      if (value === undefined) return 0;
      let code = codes.get(value);
      if (code === undefined) {
        entries.push(value);
        codes.set(value, (code = entries.length));
      }
      return code;
    },
    done(): { d: string; de: Uint32Array } {
      const { s, e } = joined(entries);
      return { d: s, de: e };
    },
  };
}

export function encodeColumn(spec: FieldSpec, values: readonly unknown[], ids: readonly unknown[] = []): EncodedColumn {
  const n = values.length;
  switch (spec.kind) {
    case 'link': {
      const templates = dictionary();
      const v = new Uint16Array(n);
      const xi: number[] = [];
      const xv: string[] = [];
      for (let k = 0; k < n; k += 1) {
        const url = values[k] as string | undefined;
        if (url === undefined) continue;
        const template = templateOf(url, (ids[k] as string | undefined) ?? '');
        const code = template === undefined ? LINK_EXACT : templates.code(template);
        if (code >= LINK_EXACT) {
          v[k] = LINK_EXACT;
          xi.push(k);
          xv.push(url);
        } else v[k] = code;
      }
      return { k: 'link', v, xi, xv, ...templates.done() };
    }
    case 'time': {
      const s = new Uint32Array(n);
      const xi: number[] = [];
      const xv: number[] = [];
      for (let k = 0; k < n; k += 1) {
        const t = values[k] as number | undefined;
        if (t === undefined) continue;
        const sec = (t - EPOCH) / 1000;
        if (Number.isInteger(sec) && sec >= 0 && sec < EXACT - 1) s[k] = sec + 1;
        else {
          s[k] = EXACT;
          xi.push(k);
          xv.push(t);
        }
      }
      // Instants with milliseconds (some CRMs give them) are kept whole: 8 bytes each, no look-up.
      if (xi.length > n / 16) {
        const v = new Float64Array(n).fill(Number.NaN);
        for (let k = 0; k < n; k += 1) if (values[k] !== undefined) v[k] = values[k] as number;
        return { k: 'f64', v };
      }
      return { k: 'time', s, xi, xv };
    }
    case 'number': {
      const v = new Float64Array(n).fill(Number.NaN);
      for (let k = 0; k < n; k += 1) if (values[k] !== undefined) v[k] = values[k] as number;
      return { k: 'f64', v };
    }
    case 'bool': {
      const v = new Uint8Array(n);
      for (let k = 0; k < n; k += 1) if (values[k] !== undefined) v[k] = values[k] ? 2 : 1;
      return { k: 'u8', v };
    }
    case 'byte': {
      const v = new Uint8Array(n);
      for (let k = 0; k < n; k += 1) v[k] = (values[k] as number | undefined) ?? 0;
      return { k: 'u8', v };
    }
    case 'enum': {
      const v = new Uint8Array(n);
      for (let k = 0; k < n; k += 1) if (values[k] !== undefined) v[k] = spec.values!.indexOf(values[k] as string) + 1;
      return { k: 'u8', v };
    }
    case 'dict': {
      const dict = dictionary();
      const v = new Uint16Array(n);
      for (let k = 0; k < n; k += 1) v[k] = dict.code(values[k] as string | undefined);
      return { k: 'dict', v, ...dict.done() };
    }
    case 'text':
    case 'json': {
      const h = new Uint8Array(n);
      const list: string[] = [];
      for (let k = 0; k < n; k += 1) {
        const value = values[k];
        if (value !== undefined) h[k] = 1;
        list.push(value === undefined ? '' : spec.kind === 'json' ? JSON.stringify(value) : (value as string));
      }
      return { k: 'text', h, ...joined(list) };
    }
    case 'money': {
      const dict = dictionary();
      const m = new Float64Array(n).fill(Number.NaN);
      const c = new Uint16Array(n);
      for (let k = 0; k < n; k += 1) {
        const money = values[k] as Money | undefined;
        if (money === undefined) continue;
        m[k] = money.minor;
        c[k] = dict.code(money.currency);
      }
      return { k: 'money', m, c, ...dict.done() };
    }
    case 'flags': {
      const v = new Uint16Array(n);
      const keys = spec.keys!;
      for (let k = 0; k < n; k += 1) {
        const flags = values[k] as Record<string, boolean | undefined> | undefined;
        if (flags === undefined) continue;
        let bits = 1 << 15; // present, even with no key set
        keys.forEach((key, i) => {
          if (flags[key] !== undefined) bits |= (flags[key] ? 2 : 1) << (2 * i);
        });
        v[k] = bits;
      }
      return { k: 'flags', v };
    }
  }
}

/** Every value of a column (for an edit: decode, change some rows, encode again). */
export function decodeColumn(spec: FieldSpec, column: EncodedColumn, size: number, ids: readonly unknown[] = []): unknown[] {
  const out = new Array<unknown>(size);
  for (let k = 0; k < size; k += 1) out[k] = k < lengthOf(column) ? valueAt(spec, column, k, ids[k] as string | undefined) : undefined;
  return out;
}

function lengthOf(column: EncodedColumn): number {
  switch (column.k) {
    case 'time':
      return column.s.length;
    case 'text':
      return column.h.length;
    case 'money':
      return column.m.length;
    default:
      return column.v.length;
  }
}

/** Reads one field of the rows of one chunk's column: `valueAt` with the column's kind decided once. */
export type FieldReader = (k: number, id: string | undefined) => unknown;

export function readerOf(spec: FieldSpec, column: EncodedColumn | undefined): FieldReader {
  if (!column) return () => undefined;
  switch (column.k) {
    case 'time':
      return (k) => timeAt(column, k);
    case 'f64':
      return (k) => {
        const v = column.v[k] as number;
        return Number.isNaN(v) ? undefined : v;
      };
    case 'dict':
      return (k) => dictAt(column, k);
    case 'text':
      return spec.kind === 'json' ? (k) => valueAt(spec, column, k) : (k) => textAt(column, k);
    default:
      return (k, id) => valueAt(spec, column, k, id);
  }
}
