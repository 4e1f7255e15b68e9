/**
 * Contract of the personal weekly summary (issue 6): what `buildWeeklySummary` returns and every renderer
 * (Markdown, CSV, JSON, the print page) reads. Plain JSON data: the background builds it and sends it to
 * the summary page as is. Money is in integer minor units of `WeeklySummary.currency`; instants are epoch ms.
 */
import type { TargetStatus } from '../../kpi/types';

/** One figure for the week beside the same figure for the week before. */
export type WeekFigure = {
  value: number;
  previous: number;
  /** (value − previous) ÷ |previous| × 100, as lib/kpi computes `previous.change`; null when last week was 0. */
  change: number | null;
};

export const ACTIVITY_LINES = ['call', 'email', 'meeting', 'demo', 'total'] as const;
export type ActivityLineKind = (typeof ACTIVITY_LINES)[number];

/** Done activities of a kind in the week (demos: booked in the week), against the week's target where one is set. */
export type ActivityLine = WeekFigure & {
  kind: ActivityLineKind;
  /** The week's target: per-day targets × working days, summed over the reps (lib/kpi targetFor). */
  target?: number;
  status?: TargetStatus;
};

/** A deal as the summary lists it. */
export type DealRef = {
  id: string;
  title: string;
  /** The CRM's link to the deal (http/https only, as the model validates). */
  url?: string;
  owner: string;
  stage?: string;
  /** Minor units of the summary currency; absent when the deal has no amount or no exchange rate. */
  amount?: number;
  expectedCloseAt?: number;
};

/** An open deal at risk (lib/kpi staleDeals), with the reasons as numbers so each renderer words them. */
export type RiskLine = DealRef & {
  /** Days since the last activity (or since creation when it has none). */
  idleDays?: number;
  noActivity: boolean;
  pastCloseDate: boolean;
  daysPastClose?: number;
};

export const PIPELINE_MOVES = ['new', 'advanced', 'slipped', 'won', 'lost'] as const;
export type PipelineMove = (typeof PIPELINE_MOVES)[number];

/** Why a deal is in a pipeline row: advanced/slipped name the stages; slipped also says which rule caught it. */
export type MoveLine = DealRef & { from?: string; to?: string; why?: 'moved-back' | 'due-in-week' };

export type PipelineMoveRow = {
  move: PipelineMove;
  /** False when the data cannot tell (advanced and moved-back need stage history). */
  available: boolean;
  count: number;
  /** Sum of the amounts that could be put in the summary currency. */
  amount: number;
  /** Deals in the row whose amount is unknown or could not be converted (left out of `amount`). */
  withoutAmount: number;
  /** The largest deals of the row (up to the list size). */
  deals: MoveLine[];
};

export type QuotaSummary =
  | {
      status: 'ok';
      /** Sales in the week against the quota's share for the week (pro rata by days, lib/kpi quotaAttainment). */
      week: { attainmentPct: number; sales: number; quota: number; status: TargetStatus; previousPct: number | null; lowSample?: true };
      /** The month holding the week's last day, up to the end of the week (or now, for a week in progress). */
      month: {
        label: string;
        /** The month's span, for its name in words. */
        start: number;
        end: number;
        sales: number;
        quota: number;
        attainmentPct: number;
        /** Share of the month passed at that point, 0–100: where a straight line to the quota would be. */
        expectedPct: number;
        /** attainment ÷ expected × 100 (100 = on pace); absent before anything is expected. */
        pacePct?: number;
        status: TargetStatus;
        /** Sales at the month's end if the pace so far holds. */
        projected?: number;
      } | null;
    }
  | { status: 'none'; reason: string };

export type DealsBlock = {
  /** Deals created in the week (lib/kpi opportunitiesCreated) and their amount. */
  created: WeekFigure & { amount: number; previousAmount: number };
  /** Deals won with their close date in the week, and the won amount (lib/kpi winRate, avgPurchaseValue). */
  won: WeekFigure & { amount: number; previousAmount: number };
  lost: WeekFigure;
  /**
   * Won ÷ (won + lost) × 100 of the week; null when nothing closed. `change` in percentage points; `lowSample`
   * when fewer deals closed than the minimum sample (the rate is a hint, shown without a trend).
   */
  winRate: { value: number | null; previous: number | null; change: number | null; closed: number; lowSample?: true };
};

/** Done activities per local day of the week, by kind. */
export type ChartDay = { date: string; start: number; call: number; email: number; meeting: number; other: number };

/**
 * Where the month holding "now" will end (lib/forecast: won so far, P10–P90 of won revenue, the chance
 * of the quota) and the plan for the coming week; `none` when the data cannot give a forecast.
 */
export type SummaryOutlook =
  | {
      status: 'ok';
      period: { label: string; start: number; end: number };
      wonSoFar: number;
      p10: number;
      p50: number;
      p90: number;
      quota: number | null;
      probabilityOfQuota: number | null;
      plan: {
        status: 'no-quota' | 'reached' | 'plan' | 'incomplete';
        gap: number | null;
        dealsToWin: number | null;
        dealsToOpen: number | null;
        openBy: number | null;
        /** The coming week (what is left of it): working days, and the calls and meetings they need at the plan's pace. */
        week: { label: string; start: number; end: number; workingDays: number; calls: number | null; meetings: number | null };
        /** The rep's sales cycle in days when it is too late to open deals that close within the period (openBy is then null). */
        tooLateDays?: number;
        /** Plan inputs missing or too thin to use (keys of lib/forecast INPUT_LABEL, or quota / activities). */
        missing: { input: string; status: 'low-sample' | 'missing'; n?: number; min?: number }[];
      };
      /** The deals to work, by expected contribution (probability × amount). */
      deals: (DealRef & { probability: number; expected: number })[];
    }
  | { status: 'none'; reason: 'no-deals' | 'no-history' };

export type SummarySection = {
  /** The owner id for a rep's section; `team` or `all` for the total. */
  key: string;
  kind: 'rep' | 'team' | 'all';
  name: string;
  ownerIds: readonly string[];
  /** Null when the data holds no activities at all (e.g. a deals-only CSV export). */
  activities: ActivityLine[] | null;
  deals: DealsBlock | null;
  quota: QuotaSummary;
  pipeline: {
    /** Open deals at the end of the week (or now, for the week in progress: `WeeklySummary.openAt`), lib/kpi pipelineValue and dealsInPipeline. */
    openDeals: number;
    openAmount: number;
    weighted: number;
    moves: PipelineMoveRow[];
  } | null;
  topOpen: DealRef[];
  atRisk: { count: number; amount: number; deals: RiskLine[] } | null;
  chart: ChartDay[];
  /** Calls + emails + meetings target per working day, for the chart's guide line. */
  chartTargetPerDay?: number;
  /** Records left out of some figure and why (no exchange rate, no created date...). */
  excluded: { count: number; reason: string }[];
  /** The forecast and the plan for the coming week (absent in summaries made before it existed). */
  outlook?: SummaryOutlook;
};

export type WeeklySummary = {
  version: 1;
  week: {
    label: string;
    start: number;
    end: number;
    /** Local dates of the first and last day, `YYYY-MM-DD`. */
    firstDay: string;
    lastDay: string;
    previous: { label: string; start: number; end: number };
    /**
     * The week is still in progress at `asOf`: its figures run to `asOf`, and last week's to the same
     * point of last week (`comparison`), so a Wednesday is not compared with a whole week.
     */
    partial?: true;
    /** What the week's figures are compared with: last week up to the corresponding instant, or all of it. */
    comparison: { start: number; end: number };
  };
  /** When the summary was made: nothing after it counts; pace is as of it. */
  asOf: number;
  /** The instant the open deals and deals at risk are taken at: the end of the week, or `asOf` while it runs. */
  openAt: number;
  timeZone: string;
  currency: string;
  staleDays: number;
  audience: { kind: 'rep' | 'team' | 'all'; name: string };
  sections: SummarySection[];
  /** Reps in the team whose sections were left out because peer numbers are private. */
  hiddenPeers: number;
  /** Reps with nothing in the week and no open deals, left out of an everyone summary. */
  quietReps: number;
};
