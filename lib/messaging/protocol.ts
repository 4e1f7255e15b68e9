import { z } from '../model/zod';
import { CONNECTION_REQUESTS, type ConnectionResponses } from './requests/connections';
import { CORE_REQUESTS, type CoreResponses } from './requests/core';
import { FRAME_REQUESTS, type FrameResponses } from './requests/frame';
import { VIEW_REQUESTS, type ViewResponses } from './requests/views';
import { IMPORT_REQUESTS, type ImportResponses } from './requests/import';
import { SUMMARY_REQUESTS, type SummaryResponses } from './requests/summary';
import { OPTIONS_REQUESTS, type OptionsResponses } from './requests/options';
import { FORECAST_REQUESTS, type ForecastResponses } from './requests/forecast';

export type { SourceStatus } from './requests/core';

/**
 * The one message protocol of KPI Lens, assembled from one file per feature
 * under requests/. Every message is validated with `safeParse` where it
 * arrives, and the sender is checked against what it may ask (guard.ts): a CRM
 * page can only say "I am open here"; reading, exporting or deleting data is
 * for the extension's own pages.
 */
export const requestSchema = z.discriminatedUnion('type', [
  ...CORE_REQUESTS,
  ...VIEW_REQUESTS,
  ...IMPORT_REQUESTS,
  ...CONNECTION_REQUESTS,
  ...SUMMARY_REQUESTS,
  ...OPTIONS_REQUESTS,
  ...FRAME_REQUESTS,
  ...FORECAST_REQUESTS,
]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;
/** What a sender may write for a request: the schema's input (fields with defaults may be left out). */
export type RequestInput = z.input<typeof requestSchema>;
export type RequestInputOf<T extends RequestType> = Extract<RequestInput, { type: T }>;

export type Responses = CoreResponses &
  ViewResponses &
  ConnectionResponses &
  ImportResponses &
  SummaryResponses &
  OptionsResponses &
  FrameResponses &
  ForecastResponses;

export type Reply<T extends RequestType> = { ok: true; value: Responses[T] } | { ok: false; error: string };

export { dataVersionKey, statusVersionKey } from './keys';

/** Messages the background sends to a content script (zod's small build: the content script loads it). */
export { contentCommandSchema, type ContentCommand } from './content-commands';
