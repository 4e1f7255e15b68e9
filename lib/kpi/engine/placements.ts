/**
 * Which of the windows' record lists (place-records.ts) a query's KPIs read, so that buildIndex fills
 * only those. Placing visits every record in a window's span, makes its record and, over the column
 * store, names the chunks to read first: a rep's pinned numbers ask no lead KPI, and the sidebar's
 * counts for today and this week ask activity counts alone, so they need no lead, and those counts no
 * deal (in Node the first query over the stored columns took 18–20 ms instead of 22–25).
 *
 * Only the lists are skipped: the owners every type brings to a view's members (its targets, its
 * quota) and the evidence of which data exists are worked out as before. placements.test.ts checks,
 * for every KPI over random data and the demo data, that it gives the same result asked alone as
 * asked with the whole catalogue.
 */
import type { KpiId } from '../types';

export type Placements = {
  /** Deals created, won, lost, open in each window; the slice's won deals and undated ones. */
  deals: boolean;
  /** Done activities and the count of planned ones in each window. */
  activities: boolean;
  /** Demo meetings booked in each window (each meeting's subtype and title read). */
  demos: boolean;
  /** Leads created, converted, MQL and SQL in each window. */
  leads: boolean;
};

/** The KPIs that read no deal list: the activity ones. */
const READ_NO_DEALS: ReadonlySet<KpiId> = new Set<KpiId>(['activityCounts', 'demosBooked', 'emailBenchmarks']);
const READ_ACTIVITIES: ReadonlySet<KpiId> = new Set<KpiId>(['activityCounts', 'emailBenchmarks', 'repLeaderboard']);
const READ_DEMOS: ReadonlySet<KpiId> = new Set<KpiId>(['demosBooked']);
const READ_LEADS: ReadonlySet<KpiId> = new Set<KpiId>(['leadConversionRate', 'mqlToSql', 'avgConversionTime']);

export const ALL_PLACEMENTS: Readonly<Placements> = { deals: true, activities: true, demos: true, leads: true };

/** The lists `ids` read. */
export function placementsFor(ids: Iterable<KpiId>): Placements {
  const placements: Placements = { deals: false, activities: false, demos: false, leads: false };
  for (const id of ids) {
    if (!READ_NO_DEALS.has(id)) placements.deals = true;
    if (READ_ACTIVITIES.has(id)) placements.activities = true;
    if (READ_DEMOS.has(id)) placements.demos = true;
    if (READ_LEADS.has(id)) placements.leads = true;
  }
  return placements;
}
