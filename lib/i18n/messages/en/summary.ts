/** English words of the summary screen (keys by prefix: see lib/i18n/messages.ts). */
import type { Message } from '../../message';

export const enSummary = {
  // Weekly summary page and notice (components/summary, entrypoints/background/weekly-notification.ts)
  'summary.pageTitle': 'Weekly summary',
  'summary.controls': 'Weekly summary: week, view and export',
  'summary.loading': 'Building the summary…',
  'summary.noSource': 'No CRM connected and no demo data yet: connect your CRM, or load the demo data from the options.',
  'summary.noData': 'This source has no deals or activities yet.',
  'summary.error': 'The summary could not be built: {error}',
  'summary.source': 'Data',
  'summary.week': 'Week',
  'summary.previousWeek': 'Previous week',
  'summary.nextWeek': 'Next week',
  'summary.copyMarkdown': 'Copy as Markdown',
  'summary.copied': 'Copied: paste it into Slack or an email.',
  'summary.copyFailed': 'Could not copy to the clipboard: {error}',
  'summary.downloadCsv': 'Download CSV',
  'summary.print': 'Print or save as PDF',
  'summary.notify': 'Tell me on Monday mornings (08:30) when my weekly summary is ready',
} satisfies Record<string, Message>;
