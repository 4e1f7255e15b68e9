import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVALUATORS } from './evaluators';
import { KPI_DEFINITIONS, KPI_FAMILIES, KPI_FAMILY_NAMES, KPI_IDS, isKpiId, listKpis } from './registry';

const CYRILLIC = /[а-яё]/i;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Modules a file imports at run time, transitively (only `import type` is erased: verbatimModuleSyntax). */
function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, spec] of code.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?\s*from\s+'(\.[^']+)'/gm)) {
    const base = resolve(dirname(file), spec!);
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
    if (target) runtimeImports(target, seen);
  }
  return seen;
}

describe('the KPI registry', () => {
  it('defines every id of the catalogue once, under its own id, with an evaluator', () => {
    expect(Object.keys(KPI_DEFINITIONS).sort()).toEqual([...KPI_IDS].sort());
    for (const id of KPI_IDS) {
      expect(KPI_DEFINITIONS[id].id).toBe(id);
      expect(typeof EVALUATORS[id].run).toBe('function');
    }
  });

  it.each(KPI_IDS)('%s has English and Russian names and formulas and declared needs', (id) => {
    const d = KPI_DEFINITIONS[id];
    expect(d.name.en.length).toBeGreaterThan(3);
    expect(d.formula.en.length).toBeGreaterThan(15);
    expect(d.name.ru).toMatch(CYRILLIC);
    expect(d.formula.ru).toMatch(CYRILLIC);
    expect(d.formula.ru).not.toBe(d.formula.en);
    expect(d.needs.length).toBeGreaterThan(0);
    expect(KPI_FAMILIES).toContain(d.family);
  });

  it('lists the catalogue in the source order, also per family', () => {
    expect(listKpis().map((d) => d.id)).toEqual([...KPI_IDS]);
    const perFamily = KPI_FAMILIES.flatMap((f) => listKpis(f).map((d) => d.id));
    expect(perFamily.sort()).toEqual([...KPI_IDS].sort());
    for (const family of KPI_FAMILIES) {
      expect(listKpis(family).length, family).toBeGreaterThan(0);
      expect(KPI_FAMILY_NAMES[family].ru).toMatch(CYRILLIC);
    }
    expect(listKpis('customers').map((d) => d.id)).toEqual(['cac', 'clv', 'ltvToCac', 'mrr', 'churn', 'retentionRate']);
  });

  it('keeps the order of the spec (../shared/spec/kpis.md), which the catalogue screen, the options and the CLI show', () => {
    expect(KPI_IDS).toEqual([
      ...['salesGrowth', 'activityCounts', 'opportunitiesCreated', 'demosBooked', 'leadConversionRate', 'salesByContactMethod'],
      ...['avgConversionTime', 'cac', 'clv', 'ltvToCac', 'mrr', 'pipelineValue', 'quotaAttainment', 'salesByRegion'],
      ...['avgPurchaseValue', 'avgProfitMargin', 'churn', 'productRevenue', 'repLeaderboard', 'avgSalesCycle', 'dealsInPipeline'],
      ...['mqlToSql', 'retentionRate'],
      // beyond the 22 of the source article
      ...['winRate', 'salesVelocity', 'pipelineCoverage', 'stageConversion', 'emailBenchmarks', 'staleDeals'],
    ]);
  });

  it('has one file per KPI in catalogue/, named after its id, and lists every one of them', () => {
    const kebab = (id: string) => id.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const files = readdirSync(new URL('./catalogue', import.meta.url)).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));
    expect(files.sort()).toEqual(KPI_IDS.map((id) => `${kebab(id)}.ts`).sort());
  });

  it('brings the pages the definitions only: no zod schema and no query engine is reachable from registry.ts', () => {
    // A bundler keeps every module a page reaches that does work when loaded (lib/model's zod schemas), used or
    // not, so what registry.ts imports at run time is the pages' cost: KPI files, their helpers, money, records.
    const reached = [...runtimeImports(join(ROOT, 'lib/kpi/registry.ts'))].map((file) => relative(ROOT, file));
    const allowed =
      /^lib\/(kpi\/(registry|catalogue\/[\w-]+|shared\/[\w-]+|engine\/records)|money\/[\w-]+|model\/(activity-types|derived-fields)|period\/units)\.ts$/;
    expect(reached.length).toBeGreaterThan(KPI_IDS.length);
    expect(reached.filter((file) => !allowed.test(file))).toEqual([]);
  });

  it('recognises ids', () => {
    expect([isKpiId('winRate'), isKpiId('winrate'), isKpiId(3)]).toEqual([true, false, false]);
  });
});
