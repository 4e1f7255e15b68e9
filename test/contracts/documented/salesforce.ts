/**
 * Salesforce answers the adapter relies on. Errors are a list of
 * `{ "message", "errorCode" }` (REST API Developer Guide, "Status Codes and Error
 * Responses": https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 * Test data only.
 */
import type { DocumentedExample } from './types';

/**
 * The org's rolling 24-hour allocation is used up: HTTP 403, REQUEST_LIMIT_EXCEEDED
 * ("Total API Request Allocations", Salesforce App Limits Cheatsheet, API Request
 * Limits and Allocations:
 * https://developer.salesforce.com/docs/platform/salesforce-app-limits-cheatsheet/guide/salesforce-app-limits-platform-api.html).
 * The message as Salesforce sends it is quoted in SalesforceLabs/OrgCheck#181.
 */
export const TOTAL_REQUESTS: DocumentedExample = {
  source: 'Salesforce App Limits Cheatsheet — Total API Request Allocations; message as quoted in https://github.com/SalesforceLabs/OrgCheck/issues/181',
  status: 403,
  headers: { 'sforce-limit-info': 'api-usage=15000/15000' },
  body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
};

/**
 * Too many of the org's requests run 20 seconds or longer at once (25 in a
 * production org): the same REQUEST_LIMIT_EXCEEDED, "Any new concurrent requests
 * aren't processed until there are fewer requests than the allowed limit" (same
 * cheatsheet, Concurrent API Request Limits). Message as Salesforce's SOAP fault
 * words it, quoted in https://gist.github.com/ndabAP/2ae90f3b871403d822ec2de0bcffb5b0.
 */
export const CONCURRENT_REQUESTS: DocumentedExample = {
  source: 'Salesforce App Limits Cheatsheet — Concurrent API Request Limits; message as quoted in gist ndabAP/2ae90f3b871403d822ec2de0bcffb5b0',
  status: 403,
  headers: { 'sforce-limit-info': 'api-usage=900/15000' },
  body: [{ message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }],
};
