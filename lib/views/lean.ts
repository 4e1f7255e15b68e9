import { hasValue, type KpiLowSample, type KpiNeedsData, type KpiNotDefined, type KpiOk, type KpiResult, type LocalizedText } from '../kpi/types';
import type { ShownStatus } from '../settings/benchmarks';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A KPI result as pages receive it: everything but the list of record ids, which can run to tens of
 * thousands (every activity of a team's quarter). Pages get the count, and fetch the records
 * themselves page by page (`records/get`) when the rep opens the explain panel.
 */
export type ShownResult = DistributiveOmit<KpiOk | KpiLowSample | KpiNeedsData | KpiNotDefined, 'recordIds'> & {
  /** How many records are behind the number (0 when it has none). */
  recordCount: number;
  /** Breakdown rows before the cap, when more existed than were sent. */
  breakdownTotal?: number;
  /** The method's name where the result names one the registry does not (CLV models). */
  methodName?: LocalizedText;
  /** Why the preferred method was not used, when the result fell back to another one. */
  methodNote?: string;
  /** The status shown beside the number: the rep's own target, an enabled benchmark, or the engine's target. */
  judged?: ShownStatus;
};

/** Judges a result against the rep's targets and enabled benchmarks (lib/settings/benchmarks). */
export type Judge = (result: KpiResult) => ShownStatus | undefined;

/** Breakdown rows sent to a page; charts and tables show fewer, the explain panel lists the records. */
export const MAX_BREAKDOWN_ROWS = 50;

export function lean(result: KpiResult, judge?: Judge, maxRows = MAX_BREAKDOWN_ROWS): ShownResult {
  if (!hasValue(result)) {
    const { byOwner: _byOwner, ...rest } = result;
    return { ...rest, recordCount: 0 };
  }
  const { recordIds, byOwner: _byOwner, breakdown, ...rest } = result;
  const shown: ShownResult = { ...rest, recordCount: recordIds.length };
  const judged = judge?.(result);
  if (judged) shown.judged = judged;
  if (breakdown) {
    shown.breakdown = breakdown.length > maxRows ? breakdown.slice(0, maxRows) : breakdown;
    if (breakdown.length > maxRows) shown.breakdownTotal = breakdown.length;
  }
  return shown;
}
