import { nameKey } from './text';

/**
 * 64-bit FNV-1a over the text's UTF-16 code units, as 16 hex digits (two
 * 32-bit lanes with different offset bases). Not cryptographic: it only has to
 * give the same key for the same row on every import.
 */
export function hashText(text: string): string {
  let high = 0x811c9dc5;
  let low = 0x050c5d1f;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    high = Math.imul(high ^ code, 0x01000193) >>> 0;
    low = Math.imul(low ^ (code + i), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, '0') + low.toString(16).padStart(8, '0');
}

/**
 * Gives rows without an id column stable ids: a hash of the fields that name
 * the record and do not change over its life (title, account, product, owner,
 * created date; never stage, amount or close date), so re-importing a newer
 * export of the same deals updates them instead of adding copies. Rows that
 * are identical in those fields are told apart by their order in the file
 * (`-2`, `-3`...), which is stable for the same file.
 */
export function createRowIdentity(prefix: string): (parts: readonly (string | undefined)[], fallback: readonly string[]) => string {
  const seen = new Map<string, number>();
  return (parts, fallback) => {
    const named = parts.map((part) => (part === undefined ? '' : nameKey(part)));
    const material = named.some((part) => part !== '') ? named : fallback.map(nameKey);
    const key = `${prefix}${hashText(material.join('\u001f'))}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? key : `${key}-${count}`;
  };
}

/** Readable ids for records derived from names: `owner:darcel schlecht`, `product:gtxpro`. */
export function derivedId(prefix: string, key: string): string {
  const id = `${prefix}:${key}`;
  return id.length > 200 ? `${prefix}:${hashText(key)}` : id;
}
