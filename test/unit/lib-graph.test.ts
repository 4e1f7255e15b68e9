import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { folderCycles, libFolderEdges, type FolderEdge } from '../harness/lib-graph';

/**
 * lib/ is layered: the CLI sits on top of everything and nothing sits on the CLI, and no two
 * folders lean on each other (a loop means neither can be read, tested or moved alone).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const edges = libFolderEdges(root);
const show = (list: readonly FolderEdge[]) => list.map((e) => `${e.file} → ${e.specifier}`).join('\n');

describe('the import graph between lib/ folders', () => {
  it('is read from the source: the CLI is seen using the KPI engine, the importer and the summary', () => {
    const fromCli = new Set(edges.filter((e) => e.from === 'cli').map((e) => e.to));
    for (const folder of ['kpi', 'import', 'export', 'clv', 'forecast', 'period']) expect(fromCli).toContain(folder);
  });

  it('no lib/ folder imports lib/cli', () => {
    const intoCli = edges.filter((e) => e.to === 'cli');
    expect(intoCli, show(intoCli)).toEqual([]);
  });

  it('has no cycles between folders', () => {
    expect(folderCycles(edges).map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const edge = (from: string, to: string): FolderEdge => ({ from, to, file: `lib/${from}/x.ts`, specifier: `../${to}` });
    expect(folderCycles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c', 'a']]);
    expect(folderCycles([edge('a', 'b'), edge('a', 'c'), edge('b', 'c')])).toEqual([]);
  });

  it('lib/settings/schema does not re-export the migration (migrate.ts depends on the schema, not the reverse)', () => {
    expect(readFileSync(new URL('../../lib/settings/schema.ts', import.meta.url), 'utf8')).not.toMatch(/from '\.\/migrate'/);
  });
});
