/** What every file of catalogue/ exports, and the helper that keeps its id a literal type. */
import type { Evaluator } from '../engine/types';
import type { KpiDefinition } from '../types';

/**
 * A KPI's definition with its id kept as a literal type (`'winRate'`, not string), so that registry.ts
 * derives KpiId and KPI_IDS from the catalogue instead of a second list of ids.
 */
export function defineKpi<Id extends string>(definition: KpiDefinition<Id>): KpiDefinition<Id> {
  return definition;
}

/**
 * One KPI file: what the UI shows (`definition`: names, formula, needs, unit) and what the engine runs
 * (`evaluator`). Two exports rather than one object, so that pages that only list the catalogue
 * (registry.ts) bundle the texts and not the arithmetic.
 */
export type KpiModule<Id extends string> = { definition: KpiDefinition<Id>; evaluator: Evaluator };
