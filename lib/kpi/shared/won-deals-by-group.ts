/** Won amount and count grouped by one key (a region, a channel): salesByRegion and salesByContactMethod. */
import { tally } from '../../money/convert';
import type { DealRow, EvalContext, KpiBody, Slice } from '../engine/types';
import type { BreakdownRow } from '../types';
import { excludedList, noteUndatedSales, ok, rankRows } from './result';

/** The key of deals that have no value for the grouping. */
export const UNKNOWN = '(unknown)';

export type Group = { label: string; value: number; count: number; extra: Record<string, number> };

/**
 * Sums the rows' amounts per [key, label] of `keyOf`, ranked with their shares; `finish` may add or
 * amend groups (e.g. spend per channel) before ranking.
 */
export function wonDealsByGroup(
  ctx: EvalContext,
  slice: Slice,
  rows: readonly DealRow[],
  keyOf: (row: DealRow) => [string, string],
  finish?: (groups: Map<string, Group>) => void,
): KpiBody {
  const excluded = noteUndatedSales(slice, new Map());
  const groups = new Map<string, Group>();
  let total = 0;
  let counted = 0;
  const ids: string[] = [];
  for (const row of rows) {
    ids.push(row.deal.externalId);
    if (row.minor === undefined) {
      tally(excluded, row.issue ?? 'no amount');
      continue;
    }
    const [key, label] = keyOf(row);
    const g = groups.get(key) ?? { label, value: 0, count: 0, extra: {} };
    g.value += row.minor;
    g.count += 1;
    groups.set(key, g);
    total += row.minor;
    counted += 1;
  }
  finish?.(groups);
  const breakdown = rankRows(
    [...groups].map(([key, g]) => {
      const row: BreakdownRow = { key, label: g.label, value: g.value, count: g.count };
      return Object.keys(g.extra).length ? { ...row, extra: g.extra } : row;
    }),
    total,
  );
  return ok({
    value: total,
    unit: ctx.reporting,
    counts: { wonDeals: counted, groups: breakdown.length },
    recordType: 'deal',
    recordIds: ids,
    breakdown,
    excluded: excludedList(excluded),
  });
}
