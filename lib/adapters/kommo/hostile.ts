import fc from 'fast-check';

/**
 * Arbitrary JSON-ish values for property tests of the mappers: wrong types,
 * huge strings, deep nesting, and the keys that trip naive object handling
 * (`__proto__`, `constructor`, `prototype`). Test support only.
 */
const HUGE = 'Я'.repeat(20_000);

const key = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'name', '_embedded', '_links'), fc.string({ maxLength: 12 }));
const leaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, 142, 143),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(HUGE, '', '0', '142', '1 250 000,50', '2024-04-24T10:38:55+03:00', 'javascript:alert(1)', 'Y', 'N', 'S', 'F'),
);

export const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
})).value;

/** JSON text of an object whose own keys include `__proto__` and `constructor`, as a hostile server could send. */
export const protoPollutingJson = fc.constantFrom(
  '{"__proto__":{"status_id":142,"isAdmin":true},"constructor":{"prototype":{"polluted":1}},"id":1}',
  '{"id":2,"__proto__":null,"updated_at":1}',
  '{"constructor":"x","ID":"3","__proto__":{"STAGE_SEMANTIC_ID":"S"}}',
);

/** A documented item with some fields replaced by arbitrary values. */
export function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const fields = Object.keys(base);
  return fc.dictionary(fc.constantFrom(...fields, '__proto__', 'constructor'), jsonish, { maxKeys: 4 }).map((patch) => ({ ...base, ...patch }));
}

/** The JSON text of a list of items, some generated as values and some as raw hostile text. */
export function itemsJson(items: readonly (unknown | { rawJson: string })[]): string {
  return `[${items.map((item) => (typeof item === 'object' && item !== null && 'rawJson' in item ? (item as { rawJson: string }).rawJson : JSON.stringify(item) ?? 'null')).join(',')}]`;
}

export function itemArbitrary(documented: Record<string, unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof(jsonish, protoPollutingJson.map((rawJson) => ({ rawJson })), ...documented.map(mutated), ...documented.map((d) => fc.constant(d)));
}
