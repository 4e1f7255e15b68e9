/**
 * Editing one encoded column in place of decoding and encoding it whole: a sync step appends a page of
 * rows to chunks that already hold thousands, and turning every row into a value and back each step
 * made the column store cost more than the records. Fixed-width columns are grown and their edited rows
 * set; dictionaries keep their entries and gain the new ones. Returns undefined where an edit cannot be
 * made this way (text rewritten in the middle, a dictionary or an exact list grown past its encoding):
 * the caller then encodes the column whole, which also compacts it.
 */
import type { DictColumn, EncodedColumn, LinkColumn, MoneyColumn, TextColumn, TimeColumn } from './codec';
import type { FieldSpec } from './spec';

/** A row's new value (undefined: absent) and, for links, the row's id. */
export type CellEdit = { index: number; value: unknown; id: string };

const EPOCH = 946_684_800_000;
const EXACT = 0xffff_ffff;
const LINK_EXACT = 0xffff;
/** Dictionary codes are Uint16 (0 absent); links keep 0xffff for "kept whole". */
const MAX_CODES = 0xfff0;

type Ctor<T> = { new (n: number): T };

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(array: T, size: number, Make: Ctor<T>, fill?: number): T {
  if (array.length === size) return array;
  const out = new Make(size);
  out.set(array.length > size ? array.subarray(0, size) : array);
  if (fill !== undefined && size > array.length) out.fill(fill, array.length);
  return out;
}

/** A chunk's dictionary, extended with new strings only (codes already given stay valid). */
function extend(column: { d: string; de: Uint32Array }) {
  let codes: Map<string, number> | undefined;
  const added: string[] = [];
  const count = column.de.length;
  return {
    code(value: string): number {
      if (!codes) {
        codes = new Map();
        let start = 0;
        for (let i = 0; i < count; i += 1) {
          const end = column.de[i] as number;
          codes.set(column.d.slice(start, end), i + 1);
          start = end;
        }
      }
      let code = codes.get(value);
      if (code === undefined) {
        added.push(value);
        codes.set(value, (code = count + added.length));
      }
      return code;
    },
    get size() {
      return count + added.length;
    },
    done(): { d: string; de: Uint32Array } {
      if (added.length === 0) return { d: column.d, de: column.de };
      const de = new Uint32Array(count + added.length);
      de.set(column.de);
      let length = column.d.length;
      added.forEach((entry, i) => (de[count + i] = length += entry.length));
      return { d: column.d + added.join(''), de };
    },
  };
}

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

function editTime(column: TimeColumn, size: number, edits: readonly CellEdit[]): TimeColumn | undefined {
  const s = grown(column.s, size, Uint32Array);
  const exact = new Map<number, number>();
  column.xi.forEach((i, n) => exact.set(i, column.xv[n] as number));
  for (const { index, value } of edits) {
    exact.delete(index);
    if (value === undefined) {
      s[index] = 0;
      continue;
    }
    const t = value as number;
    const sec = (t - EPOCH) / 1000;
    if (Number.isInteger(sec) && sec >= 0 && sec < EXACT - 1) s[index] = sec + 1;
    else {
      s[index] = EXACT;
      exact.set(index, t);
    }
  }
  if (exact.size > size / 16) return undefined; // the whole encoding keeps such a chunk as Float64
  return { k: 'time', s, xi: [...exact.keys()], xv: [...exact.values()] };
}

function editText(spec: FieldSpec, column: TextColumn, oldSize: number, size: number, edits: readonly CellEdit[]): TextColumn | undefined {
  if (edits.some((edit) => edit.index < oldSize) || column.h.length !== oldSize) return undefined;
  const tail = new Array<unknown>(size - oldSize);
  for (const { index, value } of edits) tail[index - oldSize] = value;
  const h = grown(column.h, size, Uint8Array);
  const e = grown(column.e, size, Uint32Array);
  let length = column.s.length;
  const parts: string[] = [column.s];
  tail.forEach((value, i) => {
    const text = value === undefined ? '' : spec.kind === 'json' ? JSON.stringify(value) : (value as string);
    h[oldSize + i] = value === undefined ? 0 : 1;
    e[oldSize + i] = length += text.length;
    parts.push(text);
  });
  return { k: 'text', s: parts.join(''), e, h };
}

function editDict(column: DictColumn, size: number, edits: readonly CellEdit[]): DictColumn | undefined {
  const dict = extend(column);
  const v = grown(column.v, size, Uint16Array);
  for (const { index, value } of edits) v[index] = value === undefined ? 0 : dict.code(value as string);
  if (dict.size > MAX_CODES) return undefined;
  return { k: 'dict', v, ...dict.done() };
}

function editMoney(column: MoneyColumn, size: number, edits: readonly CellEdit[]): MoneyColumn | undefined {
  const dict = extend(column);
  const m = grown(column.m, size, Float64Array, Number.NaN);
  const c = grown(column.c, size, Uint16Array);
  for (const { index, value } of edits) {
    const money = value as { minor: number; currency: string } | undefined;
    m[index] = money === undefined ? Number.NaN : money.minor;
    c[index] = money === undefined ? 0 : dict.code(money.currency);
  }
  if (dict.size > MAX_CODES) return undefined;
  return { k: 'money', m, c, ...dict.done() };
}

function editLink(column: LinkColumn, size: number, edits: readonly CellEdit[]): LinkColumn | undefined {
  const templates = extend(column);
  const v = grown(column.v, size, Uint16Array);
  const whole = new Map<number, string>();
  column.xi.forEach((i, n) => whole.set(i, column.xv[n] as string));
  for (const { index, value, id } of edits) {
    whole.delete(index);
    if (value === undefined) {
      v[index] = 0;
      continue;
    }
    const template = templateOf(value as string, id);
    const code = template === undefined ? LINK_EXACT : templates.code(template);
    if (code >= LINK_EXACT) {
      v[index] = LINK_EXACT;
      whole.set(index, value as string);
    } else v[index] = code;
  }
  if (templates.size > MAX_CODES) return undefined;
  return { k: 'link', v, xi: [...whole.keys()], xv: [...whole.values()], ...templates.done() };
}

function flagBits(spec: FieldSpec, value: unknown): number {
  if (value === undefined) return 0;
  const flags = value as Record<string, boolean | undefined>;
  let bits = 1 << 15; // present, even with no key set
  spec.keys!.forEach((key, i) => {
    if (flags[key] !== undefined) bits |= (flags[key] ? 2 : 1) << (2 * i);
  });
  return bits;
}

/** `column` (of `oldSize` rows) grown to `size` rows with `edits` applied; undefined: encode it whole instead. */
export function editColumn(spec: FieldSpec, column: EncodedColumn, oldSize: number, size: number, edits: readonly CellEdit[]): EncodedColumn | undefined {
  switch (column.k) {
    case 'time':
      return spec.kind === 'time' ? editTime(column, size, edits) : undefined;
    case 'f64': {
      const v = grown(column.v, size, Float64Array, Number.NaN);
      for (const { index, value } of edits) v[index] = value === undefined ? Number.NaN : (value as number);
      return { k: 'f64', v };
    }
    case 'u8': {
      const v = grown(column.v, size, Uint8Array);
      for (const { index, value } of edits) {
        if (spec.kind === 'byte') v[index] = (value as number | undefined) ?? 0;
        else if (value === undefined) v[index] = 0;
        else v[index] = spec.kind === 'bool' ? (value ? 2 : 1) : spec.values!.indexOf(value as string) + 1;
      }
      return { k: 'u8', v };
    }
    case 'flags': {
      const v = grown(column.v, size, Uint16Array);
      for (const { index, value } of edits) v[index] = flagBits(spec, value);
      return { k: 'flags', v };
    }
    case 'text':
      return editText(spec, column, oldSize, size, edits);
    case 'dict':
      return editDict(column, size, edits);
    case 'money':
      return editMoney(column, size, edits);
    case 'link':
      return editLink(column, size, edits);
  }
}
