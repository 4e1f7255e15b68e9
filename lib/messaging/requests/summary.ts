import type { SummaryReply } from '../../export/summary/for-settings';
import { z } from '../../model/zod';
import { sourceField, viewChoice } from './shared';

/** The weekly summary page (summary.html) asks the background, where the data is, to build the summary. */
export const SUMMARY_REQUESTS = [
  z.object({
    type: z.literal('summary/build'),
    source: sourceField,
    view: viewChoice,
    /** A week such as 2017-W23; the last full week when absent. */
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, 'expected a week such as 2017-W23')
      .optional(),
  }),
] as const;

export type SummaryResponses = {
  'summary/build': SummaryReply;
};
