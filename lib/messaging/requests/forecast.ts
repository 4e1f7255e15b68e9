import { EXPLAIN_IDS } from '../../forecast/types';
import { localDate } from '../../model/common';
import { z } from '../../model/zod';
import type { ForecastResponse, TrackResponse } from '../../views/forecast-view';
import type { RecordPage } from '../../views/records';
import { COMPARE_CHOICES } from '../../views/choices';
import { periodChoice, sourceField, viewChoice } from './shared';

/** The selection a forecast is for (as the other views: the background applies the privacy rule to it). */
const selection = {
  source: sourceField,
  view: viewChoice,
  period: periodChoice,
  range: z.object({ from: localDate, to: localDate }).optional(),
  compare: z.enum(COMPARE_CHOICES).optional(),
  ownerId: z.string().min(1).max(200).optional(),
};

/** The forecast of a selection, its track record, and the deals behind one of its numbers. */
export const FORECAST_REQUESTS = [
  z.object({ type: z.literal('view/forecast'), ...selection }),
  z.object({ type: z.literal('view/forecast-track'), ...selection }),
  z
    .object({
      type: z.literal('forecast/records'),
      ...selection,
      /** One of the forecast's numbers, or `rep`: one rep's own range in a team forecast (`rep` names the rep). */
      explain: z.enum([...EXPLAIN_IDS, 'rep']),
      rep: z.string().min(1).max(200).optional(),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(50).default(25),
    })
    .refine((request) => (request.explain === 'rep') === (request.rep !== undefined), {
      message: 'A rep is named exactly when the deals of a rep’s own range are asked for',
      path: ['rep'],
    }),
] as const;

export type ForecastResponses = {
  'view/forecast': ForecastResponse;
  'view/forecast-track': TrackResponse;
  'forecast/records': RecordPage;
};
