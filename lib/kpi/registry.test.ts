import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EVALUATORS } from './evaluators';
import { KPI_DEFINITIONS, KPI_FAMILIES, KPI_FAMILY_NAMES, KPI_IDS, isKpiId, listKpis } from './registry';

const CYRILLIC = /[а-яё]/i;

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

  it('recognises ids', () => {
    expect([isKpiId('winRate'), isKpiId('winrate'), isKpiId(3)]).toEqual([true, false, false]);
  });
});
