/** The personal weekly summary (issue 6): build it from records, render it as Markdown, CSV or JSON. */
export type * from './types';
export { ACTIVITY_LINES, PIPELINE_MOVES } from './types';
export { buildWeeklySummary, type SummaryAudience, type SummaryOptions } from './build';
export { resolveWeek, shiftWeek, type SummaryWeek } from './week';
export { renderMarkdown, markdownText, markdownUrl } from './markdown';
export { renderCsv, CSV_COLUMNS } from './csv';
export { renderJson } from './json';
export { nextWeeklyNoticeAt, WEEKLY_NOTICE } from './schedule';
export { summaryText, type SummaryText, type SummaryTextKey } from './labels';
