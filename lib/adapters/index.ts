/** The public face of lib/adapters: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export { ALL_CRM_HOST_PATTERNS, SANDBOX_HOST_PATTERNS } from './hosts';
export { type RecordBatch, type Reject } from './types';
export { isCrmError } from './errors';
export { requestJson } from './http';
export { sandboxAdapter } from './sandbox';
export { dealActionUrl } from './deal-links';
