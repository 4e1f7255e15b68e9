/**
 * Values a store derived from a record and keeps beside the records it makes, not on them (a record
 * made from the column store has the fields of the record written): a deal's latest stage move
 * (lib/columns/spec.ts `stageMovedAt`), so as-of.ts knows it without reading the deal's history.
 * Here, with the models, rather than in lib/columns: the KPI definitions the pages load reach as-of.ts
 * and must not reach the store, and the store must not depend on the KPI engine.
 */
const derived = new Map<string, WeakMap<object, number>>();

export function setDerivedValue(name: string, record: object, value: number): void {
  let values = derived.get(name);
  if (!values) derived.set(name, (values = new WeakMap()));
  values.set(record, value);
}

/** The value derived for a record the store made; undefined for any other, or one stored before the field existed. */
export function derivedValue(record: object, name: string): number | undefined {
  return derived.get(name)?.get(record);
}
