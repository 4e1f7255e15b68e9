import fc from 'fast-check';
import { expect } from 'vitest';
import { isCrmError } from '../../lib/adapters/errors';
import type { FetchedPage } from '../../lib/adapters/types';
import { parseRecord, RECORD_TYPES } from '../../lib/model';

/**
 * Shared hostile inputs and checks of the property tests (issue 8): what a
 * broken or malicious CRM, CSV file or page could hand KPI Lens's parsers.
 * Inputs stay small (a few short items per page) so 10,000 runs per parser fit
 * in a few seconds on a loaded 2-core CI machine; size limits have their own
 * example tests next to each parser.
 */
export const RUNS = 10_000;

/** Keys that trip naive object handling: prototype setters and inherited names. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** A long string, but one shared constant: its cost is paid once, not per run. */
const LONG = 'Я'.repeat(3_000);

const oddNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.1 + 0.2,
  1e21,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 63,
  142,
  143,
);
const oddString = fc.constantFrom(
  '',
  ' ',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  '1 234,56',
  '12,500.50',
  '0x1F',
  '2024-02-30',
  '2024-03-01T09:00:00Z',
  '2024-03-01',
  '2024-03-01 10:00:00',
  '1709283600000',
  '9999-12-31T23:59:59Z',
  'javascript:alert(1)',
  '<img src=x onerror=alert(1)>',
  '__proto__',
  'constructor',
  'won',
  'lost',
  'open',
  'USD',
  'EUR',
  'RUB',
  'true',
  'false',
  'Y',
  'N',
  LONG,
);

/** One JSON value: null, booleans, odd and huge numbers, short or odd strings. */
export const leaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(), // NaN and ±Infinity become null on the wire, as a server's JSON would
  oddNumber,
  fc.string({ maxLength: 12 }),
  oddString,
);

const anyKey = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 6 }));

/** Arbitrary JSON: leaves, small arrays and objects, nested a little, with prototype keys. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 3 }),
  object: fc.dictionary(anyKey, tie('value'), { maxKeys: 4 }),
})).value;

/**
 * A CRM item: an object keyed from the CRM's own field names and prototype keys,
 * with realistic values (`likely`) often enough to get deep into the mapper.
 */
export function crmItem(keys: readonly string[], likely: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const key = fc.constantFrom(...keys, ...PROTO_KEYS);
  return fc.oneof({ weight: 6, arbitrary: fc.dictionary(key, fc.oneof(likely, leaf, jsonValue), { maxKeys: 10 }) }, { weight: 1, arbitrary: jsonValue });
}

/** A documented item with a few fields replaced (or added) by hostile values. */
export function mutated(documented: Record<string, unknown>, likely: fc.Arbitrary<unknown> = leaf): fc.Arbitrary<unknown> {
  const fields = Object.keys(documented);
  return fc
    .dictionary(fc.constantFrom(...fields, ...PROTO_KEYS), fc.oneof(likely, leaf, jsonValue), { maxKeys: 3 })
    .map((patch) => ({ ...documented, ...patch }));
}

/** Raw JSON texts no object literal can express: duplicate and prototype-setting keys. */
export const pollutingItemJson = fc.constantFrom(
  '{"__proto__":{"polluted":1,"isWon":true,"status":"won"},"constructor":{"prototype":{"polluted":2}},"id":1}',
  '{"id":"2","__proto__":null,"prototype":{"polluted":3}}',
  '{"id":3,"id":"3","constructor":"x","__proto__":[1,2]}',
);

/** An item as JSON text: a generated value, or a raw polluting text. */
export type WireItem = unknown | { rawJson: string };

export function wireItem(documented: readonly Record<string, unknown>[], keys: readonly string[], likely: fc.Arbitrary<unknown>): fc.Arbitrary<WireItem> {
  return fc.oneof(
    { weight: 4, arbitrary: crmItem(keys, likely) },
    ...documented.map((d) => ({ weight: 4, arbitrary: mutated(d, likely) })),
    ...documented.map((d) => ({ weight: 1, arbitrary: fc.constant<unknown>(d) })),
    { weight: 1, arbitrary: pollutingItemJson.map((rawJson) => ({ rawJson })) },
  );
}

/** The JSON text of a list of items as a server would send it. */
export function listJson(items: readonly WireItem[]): string {
  const text = (item: WireItem) =>
    typeof item === 'object' && item !== null && 'rawJson' in item ? (item as { rawJson: string }).rawJson : (JSON.stringify(item) ?? 'null');
  return `[${items.map(text).join(',')}]`;
}

/** Most runs send a well-formed page (undefined here); one in six replaces the whole body by any JSON at all. */
export const wholeBody: fc.Arbitrary<unknown> = fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: jsonValue });

/** A few items per page: what matters is their shape, not their number. */
export const items = (item: fc.Arbitrary<WireItem>) => fc.array(item, { maxLength: 3 });

const baseline = Object.getOwnPropertyNames(Object.prototype).length;

/** No generated `__proto__`/`constructor` key reached the prototypes every object shares. */
export function expectNoPollution(): void {
  const probe = {} as Record<string, unknown>;
  check(probe.polluted === undefined && probe.isWon === undefined && probe.status === undefined, 'Object.prototype was polluted');
  check(Object.getOwnPropertyNames(Object.prototype).length === baseline, 'Object.prototype gained a property');
  check(Object.keys(Array.prototype).length === 0, 'Array.prototype gained a property');
}

/**
 * A plain assertion for the hot path: `expect` costs more than the parser
 * under test at 10,000 runs; a failure still fails the property with its message.
 */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export type PageTally = { records: number; rejects: number; deleted: number };

/**
 * The promises about one fetched page: every record is valid by the canonical
 * schema, every reject carries a reason and its raw item (for the quarantine),
 * and, for a well-formed list of `itemCount` items, each item ended somewhere.
 */
export function expectSoundPage(page: FetchedPage, itemCount: number): PageTally {
  let records = 0;
  for (const type of RECORD_TYPES) {
    for (const record of page.records[type] ?? []) {
      const parsed = parseRecord(type, record);
      check(parsed.ok, `a ${type} passed as valid fails parseRecord: ${parsed.ok ? '' : parsed.reason}`);
      records += 1;
    }
  }
  for (const type of Object.keys(page.records)) check((RECORD_TYPES as readonly string[]).includes(type), `unknown record type ${type}`);
  for (const reject of page.rejects) {
    check(typeof reject.reason === 'string' && reject.reason.length > 0, 'a reject without a reason');
    check(Object.hasOwn(reject, 'raw'), 'a reject without its raw item');
  }
  const deleted = Object.values(page.deleted ?? {}).reduce((n, ids) => n + (ids?.length ?? 0), 0);
  check(
    records + page.rejects.length + deleted >= itemCount,
    `${itemCount} items became only ${records} records, ${page.rejects.length} rejects and ${deleted} deletions`,
  );
  expectNoPollution();
  return { records, rejects: page.rejects.length, deleted };
}

/** What a property saw over all its runs, so a test can prove it was not vacuous. */
export type Coverage = { runs: number; withRecords: number; withRejects: number; crmErrors: number };

export const newCoverage = (): Coverage => ({ runs: 0, withRecords: 0, withRejects: 0, crmErrors: 0 });

/**
 * Runs one fetch: a page must be sound; a failure must be the adapter's own
 * typed CrmError (documented: "Throws a CrmError on failure"), never a crash.
 */
export async function expectPageOrCrmError(coverage: Coverage, itemCount: number, fetchPage: () => Promise<FetchedPage>): Promise<void> {
  coverage.runs += 1;
  let page: FetchedPage;
  try {
    page = await fetchPage();
  } catch (error) {
    check(isCrmError(error), `not a CrmError: ${error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error)}`);
    coverage.crmErrors += 1;
    expectNoPollution();
    return;
  }
  const tally = expectSoundPage(page, itemCount);
  if (tally.records > 0) coverage.withRecords += 1;
  if (tally.rejects > 0) coverage.withRejects += 1;
}

/** Enough runs produced valid records, rejects and typed errors for the property to mean something (KPI_LENS_PROPERTY_COVERAGE=1 prints them). */
export function expectCoverage(coverage: Coverage): void {
  if (process.env.KPI_LENS_PROPERTY_COVERAGE) console.log(JSON.stringify(coverage));
  expect(coverage.runs).toBeGreaterThanOrEqual(RUNS);
  // measured: about 35–50 % of runs yield valid records, 50–55 % rejects, 15 % a CrmError
  expect(coverage.withRecords).toBeGreaterThan(coverage.runs * 0.25);
  expect(coverage.withRejects).toBeGreaterThan(coverage.runs * 0.25);
  expect(coverage.crmErrors).toBeGreaterThan(coverage.runs * 0.05);
}
