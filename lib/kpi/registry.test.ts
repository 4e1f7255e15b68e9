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

  it('recognises ids', () => {
    expect([isKpiId('winRate'), isKpiId('winrate'), isKpiId(3)]).toEqual([true, false, false]);
  });
});
