import type { ImportOutcome, QuarantinePage, TablePage } from '../../export/data';
import { RECORD_TYPES } from '../../model';
import { z } from '../../model/zod';
import type { Built, ManualRecordType } from '../../settings/manual-records';
import { MANUAL_RECORD_TYPES } from '../../settings/manual-records';
import type { OptionsOverview } from '../../settings/overview';
import type { RecordByType } from '../../model';
import { sourceField } from './shared';

const manualType = z.enum(MANUAL_RECORD_TYPES);

/**
 * The options page: what the rep enters (quotas, targets, spend, product costs)
 * is written by the background, the single writer; the full data export and
 * import go through it page by page; "delete everything".
 */
export const OPTIONS_REQUESTS = [
  z.object({ type: z.literal('options/overview'), source: sourceField }),
  /** The record is validated again where it arrives (lib/model), and its id must be the manual id for its content. */
  z.object({ type: z.literal('options/save-record'), source: sourceField, recordType: manualType, record: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('options/delete-record'), source: sourceField, recordType: manualType, externalId: z.string().startsWith('manual:').max(300) }),
  z.object({
    type: z.literal('data/export-page'),
    table: z.enum(RECORD_TYPES),
    after: z.tuple([z.string().max(200), z.string().max(300)]).optional(),
    limit: z.number().int().min(1).max(5_000),
  }),
  z.object({ type: z.literal('data/quarantine-page'), after: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(5_000) }),
  /** `offset`: where this chunk starts in the file, so rejects name their place in it. */
  z.object({
    type: z.literal('data/import-records'),
    items: z.array(z.object({ type: z.string().max(100), record: z.unknown() })).max(5_000),
    offset: z.number().int().nonnegative(),
  }),
  z.object({ type: z.literal('data/erase-everything') }),
] as const;

export type OptionsResponses = {
  'options/overview': OptionsOverview;
  'options/save-record': Built<RecordByType[ManualRecordType]>;
  'options/delete-record': { deleted: boolean };
  'data/export-page': TablePage;
  'data/quarantine-page': QuarantinePage;
  'data/import-records': ImportOutcome;
  'data/erase-everything': { erased: true };
};
