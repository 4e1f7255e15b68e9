import type { KpiData } from '../kpi/types';

export type DemoOptions = {
  /** Same seed + same asOf + same options → the same data set, deep-equal. Default 1; used modulo 2^32. */
  seed?: number;
  /** "Now" of the demo, ms: the data covers the 12 months before its month plus the days of that month. */
  asOf: number;
  /** IANA zone the reps work in; activities fall in its working hours. Default `Europe/Berlin`. */
  timeZone?: string;
  /** Record source. Default `demo`. */
  source?: string;
  /** Base of each record's `url` (the sandbox CRM serves these pages). Default `http://localhost:5179`. */
  urlBase?: string;
  /** Multiplies volumes for benchmarks (5 ≈ 10,000 deals, 150,000 activities). Default 1. */
  scale?: number;
};

export type DemoDataSet = KpiData & {
  /** The signed-in rep of the demo ("personal view"). */
  currentOwnerId: string;
  /** The lead of the current rep's team ("team view"). */
  teamLeadOwnerId: string;
  seed: number;
  asOf: number;
};
