import { describe, expect, it } from 'vitest';
import { describeHubspotConnection, detectHubspot } from './detect';

describe('detectHubspot', () => {
  it.each([
    ['https://app.hubspot.com/contacts/1234567/deal/9001', '1234567', 'https://app.hubspot.com'],
    ['https://app.hubspot.com/contacts/1234567/objects/0-3/views/all/list', '1234567', 'https://app.hubspot.com'],
    ['https://app-eu1.hubspot.com/sales/26789012/prospecting', '26789012', 'https://app-eu1.hubspot.com'],
    ['https://app.hubspot.com/reports-dashboard/1234567/view/42', '1234567', 'https://app.hubspot.com'],
  ])('%s → portal %s', (url, account, appUrl) => {
    expect(detectHubspot(new URL(url))).toEqual({ crm: 'hubspot', account, apiBase: 'https://api.hubapi.com', appUrl });
  });

  it.each([
    'https://www.hubspot.com/products/crm',
    'https://app.hubspot.com/login',
    'https://app.hubspot.com/contacts/',
    'https://app.hubspot.com/contacts/notaportal/deal/1',
    'http://app.hubspot.com/contacts/1234567/deal/1',
    'https://app.hubspot.com.evil.example/contacts/1234567/deal/1',
    'https://developers.hubspot.com/docs/api/crm/deals',
    'https://api.hubapi.com/crm/v3/objects/deals',
  ])('%s is not a HubSpot portal page', (url) => {
    expect(detectHubspot(new URL(url))).toBeNull();
  });

  it('describes the connection: portal, API base, source, token auth', () => {
    expect(describeHubspotConnection('https://app.hubspot.com/contacts/1234567/deal/9001')).toMatchObject({
      portalId: '1234567',
      apiBase: 'https://api.hubapi.com',
      source: 'hubspot:1234567',
      auth: 'bearer',
    });
    expect(describeHubspotConnection('nope')).toBeNull();
  });
});
