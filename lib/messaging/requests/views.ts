import { z } from '../../model/zod';
import type { PinnedResponse } from '../../views/service';
import type { SourceStatus } from './core';
import { periodChoice, sourceField, viewChoice } from './shared';

/** What the sidebar shows, computed in the background where the data is. */
export const VIEW_REQUESTS = [z.object({ type: z.literal('view/pinned'), source: sourceField, view: viewChoice, period: periodChoice })] as const;

export type ViewResponses = {
  'view/pinned': PinnedResponse & { status: SourceStatus | null };
};
