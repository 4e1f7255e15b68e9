/**
 * Contract of the KPI engine (lib/kpi). The sidebar, the weekly summary and the
 * CLI all read these shapes; change them only together with their readers.
 */
import type { Activity, Customer, Deal, Lead, MrrMovement, Owner, Pipeline, Product, Quota, RecordType, Spend, Stage, Target, Team } from '../model';
import type { CurrencyOptions } from '../money/types';
import type { CalendarOptions, Period } from '../period/types';
import type { KpiId } from './registry';

/** A KPI id: one of KPI_IDS, which registry.ts derives from the catalogue's files, in the spec's order. */
export type { KpiId };

export type KpiFamily = 'activity' | 'pipeline' | 'conversion' | 'revenue' | 'customers';

/** What a KPI reads; a "needs data" result names the missing ones. */
export type DataNeed =
  | 'deals'
  | 'wonDeals'
  | 'openDeals'
  | 'activities'
  | 'leads'
  | 'leadLifecycle'
  | 'customers'
  | 'mrrMovements'
  | 'spend'
  | 'quotas'
  | 'stages'
  | 'lineItems'
  | 'costs'
  | 'regions'
  | 'channels'
  | 'stageHistory'
  | 'emailTracking'
  | 'churnReasons'
  /** When customers stopped buying: churn dates on customers, or churn MRR movements. */
  | 'churnDates'
  /** Amounts on open deals (or list prices of the products on them). */
  | 'dealAmounts';

export type LocalizedText = { en: string; ru: string };

/** What the catalogue says about a KPI (catalogue/<id>.ts); `Id` is its literal id there. */
export type KpiDefinition<Id extends string = KpiId> = {
  id: Id;
  family: KpiFamily;
  name: LocalizedText;
  /** The formula in words, shown in the explain panel. */
  formula: LocalizedText;
  needs: readonly DataNeed[];
  /** `money` results are in minor units of the reporting currency. */
  unit: 'money' | 'percent' | 'count' | 'days' | 'ratio' | 'money-per-day';
  higherIsBetter: boolean;
  /** A team's value is the sum of its owners' values (counts and amounts). */
  additive: boolean;
  /** What the numerator and the denominator measure where it is not a count of records. */
  basis?: readonly [Measure, Measure];
  /** The unit of each named sub-figure (`parts`) that is not a plain number; `value` = the headline's unit. */
  parts?: Readonly<Record<string, PartUnit>>;
};

/** What a numerator or denominator measures: records, money (minor units) or days. */
export type Measure = 'count' | 'money' | 'days';

/** The unit of a part: money in minor units of the reporting currency, a percentage, days, or the headline's own unit. */
export type PartUnit = 'money' | 'percent' | 'pp' | 'days' | 'count' | 'ratio' | 'value';

/** Everything the engine may read: one source's canonical records. */
export type KpiData = {
  owners: readonly Owner[];
  teams: readonly Team[];
  pipelines: readonly Pipeline[];
  stages: readonly Stage[];
  products: readonly Product[];
  deals: readonly Deal[];
  activities: readonly Activity[];
  leads: readonly Lead[];
  customers: readonly Customer[];
  mrrMovements: readonly MrrMovement[];
  spend: readonly Spend[];
  quotas: readonly Quota[];
  targets: readonly Target[];
};

/** User choices that change what counts (issue 6 edits them in options). */
export type KpiSettings = {
  /** Title/subtype keywords that mark a meeting as a demo or trial, case-insensitive. */
  demoKeywords: readonly string[];
  /** An open deal with no activity for this many days is at risk. */
  staleDays: number;
  /** Margin (%) assumed for won deals without costs; absent = those deals are left out of the margin. */
  defaultMarginPct?: number;
  /** Stage ids whose entry makes a lead/deal an SQL when leads carry no `sqlAt`. */
  sqlStageIds?: readonly string[];
  /**
   * Which CLV method heads the `clv` result: `historical`, `predictive`, or the id of a model passed to
   * computeKpis (e.g. `bg-nbd`). Absent: predictive when its inputs exist, else historical.
   */
  clvMethod?: string;
  /** What ranks the leaderboard; won amount when absent. */
  leaderboardMetric?: LeaderboardMetric;
  /** Fewest records a rate or average needs before it is more than a `low-sample` hint; DEFAULT_MIN_SAMPLE where absent. */
  minSample?: Partial<SampleMinimums>;
};

/** The kinds of sample that have their own minimum (settings `minSample`). */
export type SampleKind = 'closedDeals' | 'wonDeals' | 'leads' | 'customers' | 'emails';
export type SampleMinimums = Record<SampleKind, number>;
/** What a rate or an average is counted over: a kind above, or deals created (held to the closed-deals minimum). */
export type SampleUnit = SampleKind | 'createdDeals';

/**
 * The sample a rate or an average rests on: `n` records of `unit`, against the minimum `min`. Below it
 * the result is `low-sample`: the value is still given, but it is shown muted and never coloured.
 */
export type Sample = { n: number; min: number; unit: SampleUnit };

/** How much of the input a figure could use: "31 of 40 open deals have an amount". */
export type Coverage = { have: number; of: number; what: CoverageWhat };
export type CoverageWhat = 'open deals with an amount' | 'open deals with an amount or a list price';

/**
 * Something the reader must know to read the number right, counted: e.g. `current-stage` (the stage
 * as of the instant is not known for some deals: their current stage is used), `list-price-estimate`.
 */
export type KpiNote = { code: NoteCode; count: number; text: string };
export type NoteCode = 'current-stage' | 'list-price-estimate';

/** Figures the rep leaderboard can rank by. */
export type LeaderboardMetric = 'wonAmount' | 'dealsWon' | 'dealsCreated' | 'activities' | 'winRate' | 'quotaAttainment';

export type KpiScope = {
  /** `all` = everyone in the data; otherwise the rep (one id) or the team's reps. */
  ownerIds: readonly string[] | 'all';
  /** Set when the scope is a team, so team-level quotas apply. */
  teamId?: string;
};

export type KpiQuery = {
  /** Which KPIs to compute; all of the catalogue when absent. */
  kpis?: readonly KpiId[];
  period: Period;
  /** Compared against; the previous period when absent, none when null. */
  comparePeriod?: Period | null;
  /** "Now" for pace, projections, staleness and cohort "as of" notes. Never Date.now() inside lib/kpi. */
  asOf: number;
  scope: KpiScope;
  /** Also compute each KPI per owner in scope. */
  breakdownByOwner?: boolean;
  calendar: CalendarOptions;
  currency: CurrencyOptions;
  settings: KpiSettings;
};

export type BreakdownRow = {
  key: string;
  label: string;
  value: number;
  count: number;
  /** Share of the total, 0–100, where it makes sense. */
  share?: number;
  /** Extra figures for the row (e.g. `units`, `cost`, `timeInStageDays`). */
  extra?: Readonly<Record<string, number>>;
  /** Why the row is listed, in English, where the row is a finding (e.g. a stale deal's reason). */
  reason?: string;
};

export type TargetStatus = 'on-track' | 'at-risk' | 'off-track';

type ResultBase = {
  id: KpiId;
  period: { start: number; end: number; label: string };
  /**
   * The period is in progress at `asOf`: the figures cover its start to `asOf`, and the comparison
   * covers the same elapsed part of the compare period (`comparison`). Absent when the period is over.
   */
  partial?: true;
  /** With `partial`: the part of the period the figures cover, [start, asOf + 1). */
  span?: { start: number; end: number };
  /** What the change is measured against: the compare period as of the corresponding instant. */
  comparison?: { start: number; end: number; label: string };
};

/** The change against the compare period. */
export type KpiChange = {
  value: number | null;
  /** In percentage points (`pp`) for percentages, relative per cent (`%`) for everything else; null from 0. */
  change: number | null;
  unit: 'pp' | '%';
  /** The previous value rests on too small a sample to read a trend in. */
  lowSample?: true;
};

export type KpiOk = ResultBase & {
  status: 'ok';
  /** The headline number: money in minor units of `unit`, percentages as 0–100. */
  value: number;
  /** A currency code for money, else `%`, `count`, `days`, `ratio`, `<CUR>/day`. */
  unit: string;
  numerator?: number;
  denominator?: number;
  /** Record counts behind the number, e.g. `{ leads: 40, converted: 12 }`. */
  counts: Readonly<Record<string, number>>;
  /** Named sub-figures, e.g. `weighted`, `openDeals`, `calls`, `median`, `pacePct`, `projected`. */
  parts: Readonly<Record<string, number>>;
  /** The records behind the number, for drill-down. */
  recordType: RecordType;
  recordIds: readonly string[];
  breakdown?: readonly BreakdownRow[];
  /** Records left out and why (no exchange rate, no close date...). */
  excluded?: readonly { count: number; reason: string }[];
  /** Against the compare period (`comparison`). */
  previous?: KpiChange;
  target?: { value: number; status: TargetStatus };
  /** How it was computed when there is more than one way (e.g. `historical`, `predictive`, `bg-nbd`). */
  method?: string;
  /** Cohort KPIs say when they were computed. */
  asOf?: number;
  /** The sample a rate or an average rests on (see `low-sample`). */
  sample?: Sample;
  /** How much of the input had what the figure needs, where not all of it did. */
  coverage?: Coverage;
  /** Assumptions the figure makes, counted (the stage of deals as of a past instant, estimates). */
  notes?: readonly KpiNote[];
};

/** A rate or average below its minimum sample: the value is given, to be shown muted, with its n. */
export type KpiLowSample = Omit<KpiOk, 'status' | 'sample'> & { status: 'low-sample'; sample: Sample };

export type KpiNeedsData = ResultBase & {
  status: 'needs-data';
  missing: readonly DataNeed[];
  /** What to enter or connect, in English; the UI localises from `missing`. */
  message: string;
};

export type KpiNotDefined = ResultBase & {
  status: 'not-defined';
  /** Why, e.g. `no customers at period start`. */
  reason: string;
  /** `not-for-one-rep`: the KPI does not apply to a single rep's view (spend is entered for the team). */
  code?: 'not-for-one-rep';
  numerator?: number;
  denominator?: number;
  counts?: Readonly<Record<string, number>>;
};

/** A result with a number: `ok`, or `low-sample` (the number rests on a small sample). */
export type KpiMeasured = KpiOk | KpiLowSample;

export type KpiResult = (KpiOk | KpiLowSample | KpiNeedsData | KpiNotDefined) & {
  /** Per owner in scope, when `breakdownByOwner` was asked. */
  byOwner?: readonly { ownerId: string; ownerName: string; result: KpiOk | KpiLowSample | KpiNeedsData | KpiNotDefined }[];
};

/** Whether a result carries a number (`ok` or `low-sample`): every reader of values asks this, not `status === 'ok'`. */
export function hasValue<T extends { status: string }>(result: T | undefined): result is Extract<T, { status: 'ok' | 'low-sample' }> {
  return result !== undefined && (result.status === 'ok' || result.status === 'low-sample');
}

export type KpiResults = Partial<Record<KpiId, KpiResult>>;
