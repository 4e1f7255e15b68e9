/**
 * Internal shapes of the KPI engine: the index that computeKpis builds in one pass over the data,
 * and what each KPI evaluator receives. Not part of the public contract (see ../types.ts for that).
 */
import type { Activity, Customer, Deal, Lead, MrrMovement, Pipeline, Product, Quota, Stage } from '../../model';
import type { ExclusionTally } from '../../money/convert';
import type { Span } from '../../period/like-for-like';
import type { Period } from '../../period/types';
import type { ClvMethod } from '../clv-types';
import type { DataNeed, KpiData, KpiNeedsData, KpiNotDefined, KpiOk, KpiQuery, SampleMinimums } from '../types';

/** A deal with its amount already in the reporting currency (or the reason it has none). */
export type DealRow = { deal: Deal; minor: number | undefined; issue: string | undefined };

/** An MRR movement with its amount in the reporting currency and signed: + adds MRR, − removes it. */
export type MrrRow = { movement: MrrMovement; minor: number; signed: number };

/**
 * Facts about a window's period that need calendar math, computed once per window, never per record.
 * A window is seen as of an instant (`at`): what happened after it does not exist yet (see as-of.ts).
 */
export type PeriodInfo = {
  period: Period;
  /** The part of the period that exists at `at`: [start, min(end, at + 1)). Records are placed by it. */
  span: Span;
  /**
   * The instant the window is seen at: the query's `asOf` for the period asked for; for the compare
   * period, the corresponding instant while the period asked for is in progress (like for like).
   * Outcomes (a cohort's conversions, deal statuses) are as of it.
   */
  at: number;
  /** The instant the open pipeline is taken at: `at`, or the period's last moment once it is over. */
  openAt: number;
  /** Local midnight that starts the day of `openAt` (past-due dates count from it). */
  todayStart: number;
  /** Mon–Fri days in the period. */
  workingDays: number;
  /** Mon–Fri days from the start to the end of the day of `at` (all of them once the period is over). */
  workingDaysElapsed: number;
  /** Length in calendar months (June = 1, a week in June = 7/30). */
  months: number;
  /** Length of the span in calendar months (rates per month over what exists of the period). */
  spanMonths: number;
  /** Share of the period passed at `at`, 0–1. */
  elapsed: number;
  /**
   * Share of the period's working days done by the end of the day of `at`, 0–1: where a straight line to
   * a target stands "today" (pace, projection). A weekend adds nothing: on a Sunday night a week is at
   * 5 of 5, a month at the working days to Friday. A period without working days falls back to `elapsed`.
   */
  workingElapsed: number;
};

/** Customer movements over a period (customers without an acquisition date count as existing since before it). */
export type CustomerTally = {
  atStart: number;
  atEnd: number;
  acquiredIds: string[];
  /** Customers that existed at the start and churned in the period. */
  lostIds: string[];
  lostPassive: number;
  /** Acquired and churned within the period (in neither the start base nor the end base). */
  lostNew: number;
};

/**
 * Which window of a slice: 0 = the period asked for, 1 = the compare period. Facts computed once per
 * query for every window (quota shares, spend) are tuples indexed by it.
 */
export type WindowSlot = 0 | 1;

/** The records of a slice that fall in one period, sorted into the lists the KPIs read. */
export type Window = {
  slot: WindowSlot;
  info: PeriodInfo;
  /** Deals won / lost with `closedAt` in the span, and deals created in it. */
  won: DealRow[];
  lost: DealRow[];
  created: DealRow[];
  /** Done activities that occurred in the period. */
  activities: Activity[];
  /** Not-done activities due in the period. */
  planned: number;
  /** Demo/trial meetings booked (created) in the period, done or not. */
  demos: Activity[];
  leadsCreated: Lead[];
  leadsConverted: Lead[];
  leadsMql: Lead[];
  leadsSql: Lead[];
  mrr: MrrRow[];
  /** MRR balance (sum of signed movements) before the start and before the end. */
  mrrStart: number;
  mrrEnd: number;
  /** MRR per customer at the end of the period (for revenue per paying customer). */
  mrrByCustomerEnd: Map<string, number>;
  customers: CustomerTally;
  /** Deals open at `info.openAt`: created by then, and not closed by then (as-of.ts). */
  open: DealRow[];
};

/** The records of one owner, of the unassigned records, or of the whole scope. */
export type Slice = {
  /** `*` for the scope, '' for records without an owner, else the owner id. */
  key: string;
  /** Owner ids the slice covers; quotas, targets and the leaderboard go by these. */
  members: readonly string[];
  cur: Window;
  prev: Window;
  /** Every won deal, whatever its close date (lifetime revenue for CLV; each reader applies its instant). */
  wonAll: DealRow[];
  /** Deals that exist as of the query's instant but cannot be placed in a period: no created date; closed with no close date. */
  dealsWithoutCreatedAt: number;
  closedWithoutCloseDate: number;
  /** Won deals with no close date: no period can claim their sale. */
  wonWithoutCloseDate: number;
  /** MRR movements left out (no exchange rate...), by reason. */
  mrrIssues: ExclusionTally;
};

/** Which kinds of input exist anywhere in the data; a KPI without its input says "needs data". */
export type Presence = Record<DataNeed, boolean>;

/** A quota's amount and how much of it falls in each window (pro rata by local days). */
export type QuotaShare = {
  quota: Quota;
  minor: number | undefined;
  issue: string | undefined;
  /** Overlap days / quota days, per window slot. */
  share: [number, number];
  overlapDays: [number, number];
};

/** Spend overlapping a window, pro rata by days of its month. */
export type SpendTally = {
  sales: number;
  marketing: number;
  byChannel: Map<string, number>;
  /** Spend records that overlap the window. */
  records: number;
  ids: string[];
  issues: ExclusionTally;
};

export type EvalContext = {
  data: KpiData;
  query: KpiQuery;
  reporting: string;
  has: Presence;
  ownerNames: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, Stage>;
  pipelines: ReadonlyMap<string, Pipeline>;
  /** Stages of each pipeline, in pipeline order. */
  pipelineStages: ReadonlyMap<string, readonly Stage[]>;
  /** Index of each stage within its pipeline's ordered stages. */
  stagePosition: ReadonlyMap<string, number>;
  products: ReadonlyMap<string, Product>;
  /** Customers by id, as they exist at the query's instant (a customer acquired later is not there yet). */
  customersById: ReadonlyMap<string, Customer>;
  /** The deal of an id that exists at the query's instant (deal-lookup.ts: over the column store only the deals asked for are made). */
  dealById: (id: string) => Deal | undefined;
  /** Latest done activity on a deal up to `at` (by anyone); tracked when stale deals are asked. */
  lastActivityOf: (dealId: string, at: number) => number | undefined;
  /** The local calendar day an instant falls on, as a day number: cycle lengths are differences of these. */
  dayNumber: (at: number) => number;
  quotaShares: readonly QuotaShare[];
  /** Quotas left out because a date does not exist (e.g. 2017-02-30). */
  impossibleQuotas: number;
  spend: [SpendTally, SpendTally];
  clvMethods: readonly ClvMethod[];
  /** The minimum sample of each kind of rate or average (settings, else the defaults). */
  minSample: SampleMinimums;
  /** While the period asked for is in progress, both windows cover only their elapsed spans. */
  partial: boolean;
  /** Per window slot: whether any open deal of the view has an amount (else pipeline value estimates from list prices). */
  openDealsPriced: [boolean, boolean];
};

export type KpiIndex = {
  ctx: EvalContext;
  scope: Slice;
  /** Per-owner slices (and '' for unassigned records), when a breakdown or the leaderboard needs them. */
  owners: Map<string, Slice> | undefined;
};

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A KPI result before the engine stamps its id and period on it. */
export type KpiBody = DistributiveOmit<KpiOk | KpiNeedsData | KpiNotDefined, 'id' | 'period'>;
export type OkBody = Omit<KpiOk, 'id' | 'period'>;

/** What an evaluator gets: one object, so a new input is a new field here rather than a new parameter of every KPI. */
export type EvalInput = {
  ctx: EvalContext;
  slice: Slice;
  w: Window;
  /** The window just before `w` (the compare period), when `w` is the period asked for. */
  before: Window | undefined;
  /** Per-owner slices, for KPIs that rank owners. */
  owners: Map<string, Slice> | undefined;
};

export type Evaluator = {
  run: (input: EvalInput) => KpiBody;
  /** False for snapshots of "now" (open pipeline), which have no value for a past period. */
  comparable: boolean;
};
