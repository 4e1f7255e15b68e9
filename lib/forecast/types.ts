/**
 * Contract of lib/forecast: what a forecast takes and gives. The sidebar card, the explain panel, the
 * weekly summary and the CLI read these shapes. Money is in integer-valued minor units of the reporting
 * currency (Monte Carlo quantiles are rounded to whole minor units); probabilities are 0–1; instants
 * are epoch ms; texts come in English and Russian, with `{name}` placeholders filled from `params`.
 */
import type { KpiData, KpiScope, LocalizedText } from '../kpi';
import type { CurrencyOptions } from '../money';
import type { CalendarOptions, Period } from '../period';

export type { LocalizedText };

export type ForecastSettings = {
  /** Monte Carlo draws; at least 2,000. */
  draws: number;
  seed: number;
  /** An open deal with no activity for this many days is slipping. */
  staleDays: number;
  /** Past its expected close date and idle this many days: a dead deal, to clean up. */
  deadDays: number;
  /** How far back the comparable spans are looked for (days of snapshot starts). */
  lookbackDays: number;
  /** Days between two comparable spans. */
  snapshotEveryDays: number;
  /** Trailing window of the plan's win rate, average won deal and sales cycle (days). */
  trailingDays: number;
  /** Trailing window of the plan's calls and meetings per new deal (days). */
  activityTrailingDays: number;
  /** Below these sample sizes a plan input is named as low-sample and its steps are not computed. */
  minSample: { winRate: number; averageWonDeal: number; salesCycle: number; dealsCreated: number };
  /** How many deals `topDeals` lists. */
  topDeals: number;
};

export type ForecastInput = {
  /** All records, as they are now; the forecast rewinds them to `asOf` itself. */
  data: KpiData;
  period: Period;
  /** "Now": nothing after it is used. */
  asOf: number;
  scope: KpiScope;
  calendar: CalendarOptions;
  currency: CurrencyOptions;
  /** The scope's quota for the period in reporting minor units; absent: no P(quota), no plan. */
  quota?: number;
  /** Also give each owner's own range (team view). */
  byOwner?: boolean;
  /** With `byOwner`: each owner's own quota for the period (reporting minor units), for their chance of reaching it. */
  ownerQuotas?: Readonly<Record<string, number>>;
  settings?: Partial<ForecastSettings>;
  /**
   * Whether what is learned from the records at `asOf` is remembered for the next forecast over the
   * same records (default true: the rep's and the team's forecasts share it). The back-test's past
   * instants are asked for once each, and remembering them would push the live forecast's out.
   */
  remember?: boolean;
};

/** A distribution summarised: the 10th, 50th and 90th percentile of the draws, and their mean. */
export type Quantiles = { p10: number; p50: number; p90: number; mean: number };

/** How a figure is shown: money in reporting minor units, `probability` and `rate` as 0–1. */
export type FigureUnit = 'money' | 'count' | 'probability' | 'rate' | 'days' | 'date' | 'ratio' | 'per-day';

/** One input of a number, for the explain panel: "win rate 28 % (n = 43)". */
export type ExplainInput = {
  key: string;
  label: LocalizedText;
  value: number | null;
  unit: FigureUnit;
  /** Sample size behind the value, where it is an estimate. */
  n?: number;
  lowSample?: boolean;
};

export const NOTE_CODES = [
  'low-sample',
  'missing-input',
  'undated-deals',
  'stage-from-current',
  'no-stage-history',
  'no-activities',
  'amount-not-used',
  'no-amount',
  'amount-estimated',
  'short-history',
  'no-history',
  'period-over',
  'future-period',
  'currency',
  'too-late-to-open',
  'quota-reached',
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];

/**
 * Something the reader should know about a number, localisable: `text` with `{param}` placeholders.
 * In plan notes `params.input` is the key of the input's label in `INPUT_LABEL` (texts.ts).
 */
export type Note = {
  code: NoteCode;
  text: LocalizedText;
  params: Readonly<Record<string, number | string>>;
};

/** Everything the explain panel shows for one forecast number. */
export type Explain = {
  title: LocalizedText;
  /** The method in plain words (no numbers: those are the inputs). */
  method: LocalizedText;
  inputs: readonly ExplainInput[];
  /** The deals behind the number. */
  dealIds: readonly string[];
  notes: readonly Note[];
};

export const EXPLAIN_IDS = ['wonSoFar', 'range', 'probabilityOfQuota', 'pipeline', 'newDeals', 'plan', 'topDeals', 'atRisk', 'cleanUp'] as const;
export type ExplainId = (typeof EXPLAIN_IDS)[number];

/** Where a deal's amount came from (the forecast says which, since only the first is the deal's own). */
export type AmountSource = 'deal' | 'products' | 'owner-average' | 'team-average' | 'none';

/** What multiplies a deal's probability, for "why 23 %". */
export type Driver = {
  kind: 'situation' | 'owner' | 'product' | 'amount';
  /** For `situation`, the probability of comparable deals; else a factor (1 = like the team). */
  value: number;
  /** Comparable open deals behind it (situation), or wins seen and expected (factors). */
  n: number;
  observed?: number;
  expected?: number;
  label: LocalizedText;
  params: Readonly<Record<string, number | string>>;
};

export const DEAL_ACTIONS = ['log-activity', 'update-close-date', 'advance-stage', 'mark-lost'] as const;
export type DealActionKind = (typeof DEAL_ACTIONS)[number];

/** What would move a deal, with the probability the model gives it afterwards where it can say. */
export type Move = {
  action: DealActionKind;
  text: LocalizedText;
  params: Readonly<Record<string, number | string>>;
  probabilityAfter: number | null;
  expectedAfter: number | null;
};

/** What the CRM link of a deal needs: its own URL where the record has one, else its source and id. */
export type DealRef = { dealId: string; source: string; url?: string; title: string; ownerId: string; ownerName: string };

/** An open deal and what it is expected to bring to this period. */
export type DealOutlook = DealRef & {
  stageId?: string;
  stageName?: string;
  amount: number | null;
  amountSource: AmountSource;
  /** Probability of being won within the period (0–1). */
  probability: number;
  /** probability × amount (0 when the amount is unknown). */
  expected: number;
  createdAt?: number;
  expectedCloseAt?: number;
  ageDays: number | null;
  /** Days since the last activity on it (or since it was created, when none). */
  idleDays: number | null;
  drivers: readonly Driver[];
  moves: readonly Move[];
};

export const RISK_REASONS = ['past-close-date', 'idle', 'open-long', 'unlikely-this-period', 'no-close-date'] as const;
export type RiskReason = (typeof RISK_REASONS)[number];

/** A deal in the at-risk or clean-up list, with why and what to do. */
export type DealAlert = DealRef & {
  amount: number | null;
  amountSource: AmountSource;
  probability: number;
  expected: number;
  idleDays: number | null;
  expectedCloseAt?: number;
  /** Whole local days since the expected close date, when it has passed. */
  daysPastClose?: number;
  reasons: readonly { reason: RiskReason; text: LocalizedText; params: Readonly<Record<string, number | string>> }[];
  /** The first is the one to do. */
  actions: readonly { action: DealActionKind; text: LocalizedText }[];
};

/** A plan input: its value (null when missing), sample size, and whether it is usable. */
export type PlanInput = {
  value: number | null;
  unit: FigureUnit;
  n: number;
  min?: number;
  status: 'ok' | 'low-sample' | 'missing';
};

export const STEP_WHYS = [
  'needs-quota',
  'needs-average-won-deal',
  'average-zero',
  'needs-win-rate',
  'win-rate-zero',
  'needs-sales-cycle',
  'needs-calls',
  'needs-meetings',
  'needs-deals-to-open',
  'no-working-day',
] as const;
/** Why a plan step has no value. */
export type StepWhy = (typeof STEP_WHYS)[number];

export type PlanStep = {
  value: number | null;
  unit: FigureUnit;
  /**
   * The arithmetic with its numbers, in symbols only (money in major units, dates as local dates), e.g.
   * `ceil(186000.00 / 46500.00) = 4`; empty when the step has no value.
   */
  arithmetic: string;
  why?: StepWhy;
  whyText?: LocalizedText;
};

export type Plan = {
  status: 'no-quota' | 'reached' | 'plan' | 'incomplete';
  quota: number | null;
  wonSoFar: number;
  /** quota − won so far (minor units); null without a quota. */
  gap: number | null;
  inputs: {
    averageWonDeal: PlanInput;
    winRate: PlanInput;
    salesCycleDays: PlanInput;
    callsPerNewDeal: PlanInput;
    meetingsPerNewDeal: PlanInput;
    /** Expected wins (count) and amount from the open deals within the period, from the forecast. */
    expectedPipelineWins: PlanInput;
    expectedPipelineAmount: PlanInput;
  };
  steps: {
    dealsToWin: PlanStep;
    /** Wins beyond what the open deals are expected to bring. */
    newDealsToWin: PlanStep;
    dealsToOpen: PlanStep;
    /** The last instant a deal opened can still close in the period at the usual cycle. */
    openBy: PlanStep;
    workingDaysToOpen: PlanStep;
    callsNeeded: PlanStep;
    meetingsNeeded: PlanStep;
    callsPerDay: PlanStep;
    meetingsPerDay: PlanStep;
  };
  /** Inputs that are missing or low-sample, named instead of guessed. */
  missing: readonly { input: keyof Plan['inputs'] | 'quota' | 'activities'; status: 'low-sample' | 'missing'; n?: number; min?: number }[];
  notes: readonly Note[];
};

/** The learned model, summarised for the explain panel and the CLI. */
export type ModelSummary = {
  /** Comparable spans (snapshots) and open deals seen in them. */
  snapshots: number;
  examples: number;
  /** Share of those deals won within a span as long as the rest of this period. */
  baseRate: number;
  /** How much the whole pipeline's luck varies from span to span (variance of a shared factor). */
  sharedVariance: number;
  /** Shrinkage strengths (pseudo-deals or pseudo-wins) estimated from the data. */
  shrinkage: { age: number; activity: number; stage: number; owner: number; product: number; amount: number };
  /** Which features were used, and why not when not. */
  features: readonly { feature: 'age' | 'activity' | 'stage' | 'owner' | 'product' | 'amount'; used: boolean; reason?: string }[];
};

export type NewDealsOutlook = {
  /** Expected number of deals created after `asOf` and won within the period. */
  expectedCount: number;
  expectedAmount: number;
  /** Spans the rate was learned from. */
  spans: number;
  /** Variance ÷ mean of the counts per span (1 = Poisson). */
  dispersion: number;
  /** Amounts drawn for them come from these won deals. */
  amountPool: number;
};

export type OwnerOutlook = {
  ownerId: string;
  ownerName: string;
  wonSoFar: { amount: number; deals: number };
  revenue: Quantiles;
  wonDeals: Quantiles;
  expectedFromPipeline: number;
  expectedFromNewDeals: number;
  openDeals: number;
  /** The owner's own quota for the period (`ownerQuotas`), null without one. */
  quota: number | null;
  /** Share of the draws where the owner's revenue reaches the owner's quota; null without a quota. */
  probabilityOfQuota: number | null;
  /** Deals the owner closed (won or lost) in the trailing window, the sample behind the owner's factor. */
  closedDeals: number;
  /** Fewer closed deals than the win rate needs (`minSample.winRate`): the owner's range says too little. */
  lowSample: boolean;
  /** The owner's range explained; its deals are the owner's open deals. */
  explain: Explain;
};

export type ForecastResult = {
  status: 'ok';
  period: { start: number; end: number; label: string };
  asOf: number;
  currency: string;
  ownerIds: readonly string[];
  wonSoFar: { amount: number; deals: number; dealIds: readonly string[] };
  /** Won revenue at the period's end (won so far included). */
  revenue: Quantiles;
  /** Won deals at the period's end (won so far included). */
  wonDeals: Quantiles;
  quota: number | null;
  probabilityOfQuota: number | null;
  pipeline: { openDeals: number; expectedAmount: number; expectedWins: number; withoutAmount: number };
  newDeals: NewDealsOutlook;
  /** Every open deal in scope, by expected contribution (highest first). */
  deals: readonly DealOutlook[];
  topDeals: readonly DealOutlook[];
  atRisk: readonly DealAlert[];
  cleanUp: readonly DealAlert[];
  plan: Plan;
  byOwner?: readonly OwnerOutlook[];
  model: ModelSummary;
  explain: Readonly<Record<ExplainId, Explain>>;
  notes: readonly Note[];
  draws: number;
  seed: number;
};

/** A forecast that cannot be made, and what it needs. */
export type ForecastNeedsData = {
  status: 'needs-data';
  period: { start: number; end: number; label: string };
  asOf: number;
  missing: readonly ('deals' | 'history')[];
  notes: readonly Note[];
};

export type Forecast = ForecastResult | ForecastNeedsData;

/** One past period of the back-test. */
export type BacktestPeriod = {
  label: string;
  start: number;
  end: number;
  asOf: number;
  revenue: Quantiles | null;
  actual: number;
  inside: boolean | null;
  /** actual − P50 (minor units). */
  error: number | null;
  status: 'ok' | 'needs-data';
};

export type Backtest = {
  periods: readonly BacktestPeriod[];
  /** Periods that could be forecast, and how many of them had the actual result within P10–P90. */
  forecast: number;
  inside: number;
  coverage: number | null;
  /** Median of |actual − P50| (minor units) and of |actual − P50| ÷ actual (0–1, periods with sales). */
  medianAbsError: number | null;
  medianRelativeError: number | null;
  explain: Explain;
};
