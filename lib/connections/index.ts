/** The public face of lib/connections: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export { resolveConnection, testConnection, type TestOutcome } from './connect';
export {
  CONNECTABLE_CRMS,
  type ConnectableCrm,
  type ConnectField,
  type ConnectMethod,
  CRM_CATALOG,
  type PermissionRequest,
  stillToRequest,
  supportsSession,
} from './catalog';
export { type ConnectInput, permissionsForPlan, planConnection } from './inputs';
export { authorizeSalesforce, OAuthCancelled, type OAuthCode } from './salesforce-oauth';
export { connectionView, type ConnectionView } from './views';
export { contentScriptMatches, CRM_SCRIPT_ID } from './content-scripts';
export { type ContextDeps, withConnection } from './context';
export { guardedFetch } from './addresses';
export { relayFor } from './relay-client';
export { adapterFor, detectCrm } from './registry';
export { forgetAllConnections, getConnection, listConnections, removeConnection, saveConnection, updateConnection } from './store';
export { releasablePermissions } from './release';
export { sourceOf } from './types';
export {
  isRelayedHeader,
  RELAY_BITRIX_SESSID,
  RELAY_FETCH,
  RELAY_MAX_BODY_BYTES,
  type RelayFetchMessage,
  type RelayFetchReply,
  type RelaySessidReply,
} from './relay-protocol';
