/**
 * What a forecast learns from the data as of an instant, shared by every scope: the rewound data, the
 * deal table, the comparable spans and the fitted model depend on the records, the instant, the
 * period's bounds, the zone, the currency and the learning settings, never on whose forecast it is.
 * The sidebar asks for the rep and the team over the same records, so this is remembered per pair of
 * record arrays (the last few instants); everything in it is read-only once built.
 */
import type { KpiData } from '../kpi';
import type { Activity, Deal } from '../model';
import type { CurrencyOptions } from '../money';
import type { Period } from '../period';
import { dealTable, dealTableOfRows, type DealTable } from './deal-table';
import { addDeals, emptyDealRows } from './deal-rows';
import { dealBatches } from './deal-source';
import { addNotes, emptyNotes, rewind, type KnownAtNotes } from './known-at';
import { dealAt } from './known-at-rules';
import { fitModel, type Model } from './model';
import { buildExamples, snapshotTimes, type Span } from './training';
import type { ForecastSettings } from './types';

/** What was learned; the rewound deals themselves are not kept (the table has what is read of them). */
export type Learned = { notes: KnownAtNotes; table: DealTable; span: Span; times: number[]; model: Model | undefined };

const KEEP = 4;
const cache = new WeakMap<readonly Deal[], WeakMap<readonly Activity[], Map<string, Learned>>>();

export function learn(
  data: KpiData,
  asOf: number,
  period: Pick<Period, 'start' | 'end'>,
  timeZone: string,
  currency: CurrencyOptions,
  settings: Pick<ForecastSettings, 'lookbackDays' | 'snapshotEveryDays'>,
  remember = true,
): Learned {
  const key = JSON.stringify([
    asOf,
    period.start,
    period.end,
    timeZone,
    currency.reporting,
    Object.entries(currency.rates).sort(),
    settings.lookbackDays,
    settings.snapshotEveryDays,
  ]);
  let byActivities = cache.get(data.deals);
  if (!byActivities) cache.set(data.deals, (byActivities = new WeakMap()));
  let entries = byActivities.get(data.activities);
  if (!entries) byActivities.set(data.activities, (entries = new Map()));
  const hit = entries.get(key);
  // Only the deals are read from `known.data`: other kinds come from the caller's data.
  if (hit) return hit;

  const { notes, table } = rewoundTable(data, asOf, timeZone, currency);
  const span: Span = { lead: Math.max(0, period.start - asOf), horizon: period.end - asOf };
  let times: number[] = [];
  let model: Model | undefined;
  if (span.horizon > 0) {
    times = snapshotTimes(table, asOf, span, settings.lookbackDays, settings.snapshotEveryDays);
    model = fitModel(table, buildExamples(table, times, span));
  }
  const learned = { notes, table, span, times, model };
  if (remember) {
    entries.set(key, learned);
    if (entries.size > KEEP) entries.delete(entries.keys().next().value as string);
  }
  return learned;
}

/**
 * The deals as they stood at `asOf`, read into the deal table; activities are read as they are, the
 * table counting those done by then. Over the column store the deals are rewound and read a batch at
 * a time, and a whole deal, when one is shown, is rewound alone (by the same rule: it exists, as it
 * was known then). A function of its own, so that no batch outlives the table's build; `batch` is for
 * tests.
 */
export function rewoundTable(
  data: KpiData,
  asOf: number,
  timeZone: string,
  currency: CurrencyOptions,
  batch?: number,
): { notes: KnownAtNotes; table: DealTable } {
  const dealsOnly = (deals: readonly Deal[]) => ({ ...data, deals, activities: [], leads: [], customers: [], mrrMovements: [], spend: [] });
  const source = dealBatches(data.deals, batch);
  const whole = source.whole;
  if (!whole) {
    const known = rewind(dealsOnly(data.deals), asOf, { timeZone });
    return { notes: known.notes, table: dealTable(known.data.deals, data.activities, currency, asOf) };
  }
  const notes = emptyNotes();
  const rows = emptyDealRows();
  for (const deals of source.batches) {
    const known = rewind(dealsOnly(deals), asOf, { timeZone });
    addNotes(notes, known.notes);
    addDeals(rows, known.data.deals, currency, whole.slotOf);
  }
  return { notes, table: dealTableOfRows(rows, data.activities, asOf, { at: (slot) => dealAt(whole.whole(slot), asOf, emptyNotes())! }) };
}
