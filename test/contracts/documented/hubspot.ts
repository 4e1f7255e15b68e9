/**
 * HubSpot's own example responses that the adapter relies on. Test data only.
 */
import type { DocumentedExample } from './types';

/**
 * The 429 of an exhausted daily allocation. HubSpot's API usage guidelines
 * (https://developers.hubspot.com/docs/api/usage-details, "Rate limits") give this
 * body, say "the message and policyName will indicate which limit you hit", and
 * that "the daily limit resets at midnight based on your time zone setting"
 * (the account's: https://developers.hubspot.com/apisbytier, "Request Limits").
 * Text as quoted from that page in
 * https://community.hubspot.com/t5/APIs-Integrations/Hubspot-User-experience/m-p/511719.
 */
export const DAILY_LIMIT: DocumentedExample = {
  source: 'https://developers.hubspot.com/docs/api/usage-details — Rate limits, the 429 example',
  status: 429,
  body: {
    status: 'error',
    message: 'You have reached your daily limit.',
    errorType: 'RATE_LIMIT',
    correlationId: 'c033cdaa-2c40-4a64-ae48-b4cec88dad24',
    policyName: 'DAILY',
    requestId: '3d3e35b7-0dae-4b9f-a6e3-9c230cbcf8dd',
  },
};
