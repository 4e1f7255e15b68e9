import type { KpiData, KpiResults } from '../kpi/types';
import type { Period } from '../period/types';
import type { Settings } from '../settings/schema';
import type { CatalogueResults } from './catalogue';
import type { ScopeChoice } from './scope';

/** What every view of a selection is computed from: the data, the settings, the scope after privacy. */
export type ViewContext = {
  data: KpiData;
  settings: Settings;
  choice: ScopeChoice;
  /** Changes of the source seen so far; a cached view of another generation is stale. */
  generation: number;
  /** The settings as text: a cached view computed under other settings is stale. */
  stamp: string;
  /** What the view is as of: now, or the end of a file's data (data-clock.ts). */
  asOf: number;
  /** The real clock, for what ages with it (an exchange rate entered long ago). */
  now: number;
  /** Set when the view runs on a file's own clock: where its data ends. */
  dataEndsAt?: number;
};

/** The catalogue as kept in memory: full results (record ids included) for charts and record lists. */
export type CatalogueValue = CatalogueResults & { period: Period; compare: Period | null; asOf: number; results: KpiResults };
