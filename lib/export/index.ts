/** The public face of lib/export: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export {
  EXPORT_FORMAT,
  EXPORT_PAGE_SIZE,
  EXPORT_VERSION,
  type ImportItem,
  type ImportOutcome,
  importRecords,
  parseDataExport,
  type ParsedExport,
  type PrimaryKey,
  type QuarantinePage,
  readQuarantinePage,
  readTablePage,
  type TablePage,
} from './data';
export { recordsToCsv } from './data-csv';
export { type ChartDay, type DealRef, PIPELINE_MOVES, type SummarySection, type WeekFigure, type WeeklySummary } from './summary/types';
export {
  activityPhrase,
  dealFacts,
  lastWeek,
  moveDetail,
  rateWords,
  riskReasons,
  sectionName,
  summaryTitle,
  summaryWords,
  type SummaryWords,
} from './summary/phrases';
export { summaryForSource, type SummaryReply } from './summary/for-settings';
export { renderCsv } from './summary/csv';
export { renderMarkdown } from './summary/markdown';
export { fixtureSummary } from './summary/test-fixture';
export { countAllRows, eraseEverything } from './data-erase';
export { nextWeeklyNoticeAt } from './summary/schedule';
export { resolveWeek } from './summary/week';
export { dealChance, outlookHeading, outlookLines, weekPlanLines } from './summary/outlook-phrases';
