import { KPI_IDS, type KpiId } from '../../kpi/registry';
import { localDate } from '../../model/common';
import { z } from '../../model/zod';
import type { PinnedResponse } from '../../views/service';
import type { ChartsResponse, InsightsResponse, RecordsResponse, TeamResponse } from '../../views/view-extras';
import type { ShownResult } from '../../views/lean';
import type { Period } from '../../period/types';
import type { SourceStatus } from './core';
import { periodChoice, sourceField, viewChoice } from './shared';
import { COMPARE_CHOICES, LEADERBOARD_METRICS_LIST } from '../../views/choices';

/**
 * Which numbers a page asks for: a source, the view, the period (with its custom dates) and the
 * comparison, and for a team lead's drill-down the rep. The background applies the privacy rule
 * to every one of them (lib/views/scope.ts), whatever the page asks.
 */
const selection = {
  source: sourceField,
  view: viewChoice,
  period: periodChoice,
  range: z.object({ from: localDate, to: localDate }).optional(),
  compare: z.enum(COMPARE_CHOICES).optional(),
  ownerId: z.string().min(1).max(200).optional(),
};

/** What the sidebar shows, computed in the background where the data is. */
export const VIEW_REQUESTS = [
  z.object({ type: z.literal('view/pinned'), ...selection }),
  z.object({ type: z.literal('view/catalogue'), ...selection }),
  z.object({ type: z.literal('view/charts'), ...selection }),
  z.object({ type: z.literal('view/team'), ...selection, metric: z.enum(LEADERBOARD_METRICS_LIST) }),
  z.object({ type: z.literal('view/insights'), ...selection }),
  z.object({
    type: z.literal('records/get'),
    ...selection,
    kpi: z.enum(KPI_IDS),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(50).default(25),
  }),
] as const;

export type CatalogueResponse = {
  asOf: number;
  period: Period;
  compare: Period | null;
  results: Partial<Record<KpiId, ShownResult>>;
  ownerName?: string;
  peersHidden: boolean;
};

export type ViewResponses = {
  'view/pinned': PinnedResponse & { status: SourceStatus | null };
  'view/catalogue': CatalogueResponse;
  'view/charts': ChartsResponse;
  'view/team': TeamResponse;
  'view/insights': InsightsResponse;
  'records/get': RecordsResponse;
};
