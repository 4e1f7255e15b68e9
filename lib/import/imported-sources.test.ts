import { describe, expect, it } from 'vitest';
import { importedSources, type MetaStore } from './imported-sources';

/** The meta table as a Map: what the registry reads and writes, nothing else. */
function memoryMeta(initial: [string, unknown][] = []): MetaStore & { entries: Map<string, unknown> } {
  const entries = new Map<string, unknown>(initial);
  return {
    entries,
    list: async (prefix) => [...entries].filter(([key]) => key.startsWith(prefix)).map(([key, value]) => ({ key, value })),
    get: async (key) => (entries.has(key) ? { value: entries.get(key) } : undefined),
    put: async ({ key, value }) => void entries.set(key, value),
    remove: async (key) => void entries.delete(key),
  };
}

const csv = (source: string, lastImportAt: number) => ({
  source,
  origin: 'csv' as const,
  label: `${source}.csv`,
  kind: 'deals' as const,
  lastImportAt,
  rows: 3,
  imported: 2,
  rejected: 1,
});

describe('the imported sources', () => {
  it('lists newest first, leaving out what is not an entry, and forgets one', async () => {
    const meta = memoryMeta([
      ['import:csv:broken', { source: 'csv:broken', rows: 'many' }],
      ['sync:cursor', { source: 'x' }],
    ]);
    const registry = importedSources(meta);
    await registry.remember(csv('csv:old', 1));
    await registry.remember(csv('csv:new', 5));
    expect((await registry.list()).map((entry) => entry.source)).toEqual(['csv:new', 'csv:old']);
    await registry.forget('csv:new');
    expect((await registry.list()).map((entry) => entry.source)).toEqual(['csv:old']);
    expect(meta.entries.has('sync:cursor')).toBe(true);
  });

  it("adds a table's pages up, and starts over when the same site is read as another kind", async () => {
    const registry = importedSources(memoryMeta());
    const page = { source: 'table:crm.example', label: 'crm.example', kind: 'deals' as const, lastImportAt: 1, rows: 10, imported: 9, rejected: 1 };
    await registry.addTableRows(page);
    await registry.addTableRows({ ...page, lastImportAt: 2, rows: 5, imported: 5, rejected: 0 });
    expect(await registry.list()).toEqual([{ ...page, origin: 'table', lastImportAt: 2, rows: 15, imported: 14, rejected: 1 }]);
    await registry.addTableRows({ ...page, kind: 'leads', lastImportAt: 3, rows: 2, imported: 2, rejected: 0 });
    expect(await registry.list()).toEqual([{ ...page, origin: 'table', kind: 'leads', lastImportAt: 3, rows: 2, imported: 2, rejected: 0 }]);
  });
});
