import fc from 'fast-check';

/** Values a hostile or broken CRM might send in any field. */
export function fieldValue(): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    { weight: 1, arbitrary: fc.constant('x'.repeat(100_000)) },
    { weight: 12, arbitrary: scalar() },
  );
  return fc.oneof({ weight: 6, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 3 }) });
}

function scalar(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.integer(),
    fc.double(),
    fc.constantFrom(0, -1, 1e21, Number.MAX_SAFE_INTEGER, 2.5, '1 234,56', '', ' ', 'NaN', 'Infinity'),
    fc.string(),
    fc.constantFrom('2024-01-31T10:00:00Z', '2024-02-30', '2024-01-31', '2024-01-31 10:00:00', '1706695200000', 'javascript:alert(1)', 'USD', 'won', 'lost', 'open'),
    fc.boolean(),
    fc.constant(null),
  );
}

/**
 * JSON-ish objects keyed from a CRM's field names plus prototype-polluting keys,
 * so generated items reach deep into the mappers instead of failing at the first field.
 */
export function crmItem(keys: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype', 'toString');
  return fc.oneof(
    { weight: 8, arbitrary: fc.dictionary(key, fieldValue(), { maxKeys: keys.length + 2 }) },
    { weight: 1, arbitrary: fieldValue() },
  );
}

/** Stringify → parse, as the wire does: `__proto__` survives as an own key, undefined disappears. */
export function overTheWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}
