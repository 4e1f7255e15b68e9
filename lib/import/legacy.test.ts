import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { datasetPath } from '../../test/datasets';
import { digest } from './fixtures/canonical';
import { benchExport, e2eExport } from './fixtures/generated';
import GOLDEN from './fixtures/legacy-golden.json';
import { LEGACY_FIXTURES } from './fixtures/legacy';
import { importCsv } from './import-csv';

/**
 * The files the reader was tested with before it learnt locale-aware reading,
 * plus the Maven export and the shapes of the e2e and benchmark files, read
 * exactly as the old reader read them: the same records (compared by digest
 * with legacy-golden.json, which the reader at commit d13f5e3 wrote), rows,
 * rejects and columns. The old reader took amounts naming no currency for
 * USD; the new one must be told, so `currency: 'USD'` stands in for that.
 */
const CASES = [
  ...LEGACY_FIXTURES.map((fixture) => ({ name: fixture.name, csv: fixture.csv, options: fixture.options })),
  { name: 'maven sales_pipeline.csv', csv: readFileSync(datasetPath('maven-crm/sales_pipeline.csv'), 'utf8'), options: { timeZone: 'Europe/Moscow' } },
  { name: 'e2e export', csv: e2eExport(Date.UTC(2024, 5, 15, 12)), options: { timeZone: 'Europe/Berlin' } },
  { name: 'bench export', csv: benchExport(5000), options: { timeZone: 'UTC' } },
];

type Golden = {
  kind: string;
  preset: string | null;
  columns: Record<string, string>;
  rows: number;
  imported: number;
  rejectCount: number;
  rejectLines: number[];
  records: string;
  deals: number;
};

describe('existing fixtures read exactly as before', () => {
  it.each(CASES)('$name', async ({ name, csv, options }) => {
    const before = (GOLDEN as Record<string, Golden>)[name]!;
    const result = await importCsv(csv, { source: 'csv:legacy', importedAt: 1, ...options, currency: options.currency ?? 'USD' } as Parameters<
      typeof importCsv
    >[1]);
    expect({
      kind: result.kind,
      preset: result.preset,
      columns: result.columns,
      rows: result.rows,
      imported: result.imported,
      rejectCount: result.rejectCount,
      rejectLines: result.rejects.map((reject) => reject.line),
      records: digest(result.records),
      deals: result.records.deals.length,
    }).toEqual(before);
  });

  it('covers every fixture the golden file holds', () => {
    expect(CASES.map((entry) => entry.name).sort()).toEqual(Object.keys(GOLDEN).sort());
  });
});
