import type { DemoCalendar } from './calendar';

export type RecordPath = 'deals' | 'activities' | 'leads' | 'customers';

/** What every part of the generator shares: where the data lives in time, and how records are labelled. */
export type DemoContext = {
  source: string;
  asOf: number;
  scale: number;
  cal: DemoCalendar;
  /** Start of the 12 reported months (local midnight of the 1st). */
  windowStart: number;
  /**
   * Start of the history, a quarter before the window: deals and customers from then
   * mean the first reported month already has a pipeline and a customer base.
   */
  historyStart: number;
  /** Local month `YYYY-MM` of windowStart and of asOf. */
  firstMonth: string;
  currentMonth: string;
  url(path: RecordPath, id: string): string;
};
