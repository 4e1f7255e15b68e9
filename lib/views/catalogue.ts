import { bgNbdClvMethod } from '../clv/kpi-method';
import { computeKpis, historicalClv, KPI_FAMILIES, listKpis, predictiveClv } from '../kpi';
import type { ClvMethod } from '../kpi/clv-types';
import { hasValue, type KpiData, type KpiQuery, type KpiResults, type LocalizedText } from '../kpi/types';

/** The CLV model the sidebar prefers when purchase histories allow a fit. */
export const PREFERRED_CLV_METHOD = 'bg-nbd';

export type CatalogueResults = {
  results: KpiResults;
  /** Names of the CLV methods by id, for the explain panel (en/ru). */
  clvMethodNames: Record<string, LocalizedText>;
  /** Why BG/NBD was not used for `clv`, when it could not be fitted and the engine's default was. */
  clvFallback?: string;
};

/** The CLV methods the engine may use besides its built-in ones; the zone decides on which day a deal closed. */
export function clvMethodsFor(timeZone: string): ClvMethod[] {
  return [bgNbdClvMethod({ timeZone })];
}

export function clvMethodNames(methods: readonly ClvMethod[]): Record<string, LocalizedText> {
  const names: Record<string, LocalizedText> = {};
  for (const method of [historicalClv, predictiveClv, ...methods]) names[method.id] = method.name;
  return names;
}

/**
 * KPIs for one scope and period in ONE engine call (the engine indexes the data per call): the
 * whole catalogue when `query.kpis` is absent. CLV uses BG/NBD + Gamma-Gamma when the purchase
 * histories in scope allow a fit; when the model cannot be fitted (too few repeat buyers, no
 * customers...), `clv` and `ltvToCac` are computed again with the engine's default method
 * (predictive when its inputs exist, else historical), and the reason is kept for the explain panel.
 */
export function computeCatalogue(data: KpiData, query: KpiQuery): CatalogueResults {
  const methods = clvMethodsFor(query.calendar.timeZone);
  const names = clvMethodNames(methods);
  const wantsClv = query.kpis === undefined || query.kpis.includes('clv') || query.kpis.includes('ltvToCac');
  if (!wantsClv) return { results: computeKpis(data, query), clvMethodNames: names };
  const preferred = { ...query, settings: { ...query.settings, clvMethod: PREFERRED_CLV_METHOD } };
  const results = computeKpis(data, preferred, { clvMethods: methods });
  const clv = results.clv ?? computeKpis(data, { ...preferred, kpis: ['clv'] }, { clvMethods: methods }).clv;
  if (!clv || hasValue(clv)) return { results, clvMethodNames: names };
  const fallback = computeKpis(data, { ...query, kpis: ['clv', 'ltvToCac'] }, { clvMethods: methods });
  const reason = clv.status === 'needs-data' ? clv.message : clv.reason;
  const merged: KpiResults = { ...results };
  if (results.clv) merged.clv = fallback.clv;
  if (results.ltvToCac) merged.ltvToCac = fallback.ltvToCac;
  return { results: merged, clvMethodNames: names, clvFallback: reason };
}

/**
 * The whole catalogue one family at a time, pausing between families: the background answers
 * other requests in the pauses (a sidebar opening in another tab must not wait for a whole
 * catalogue). Each family is one engine call; the results are the same as one call's.
 */
export async function computeCatalogueInSteps(data: KpiData, query: KpiQuery, pause: () => Promise<void>): Promise<CatalogueResults> {
  const merged: CatalogueResults = { results: {}, clvMethodNames: {} };
  for (const family of KPI_FAMILIES) {
    const part = computeCatalogue(data, { ...query, kpis: listKpis(family).map((definition) => definition.id) });
    Object.assign(merged.results, part.results);
    merged.clvMethodNames = part.clvMethodNames;
    if (part.clvFallback) merged.clvFallback = part.clvFallback;
    await pause();
  }
  return merged;
}
