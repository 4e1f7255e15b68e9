import { describe, expect, it } from 'vitest';
import { describePipedriveConnection, detectPipedrive } from './detect';

describe('detectPipedrive', () => {
  it.each([
    ['https://acme.pipedrive.com/pipeline/1/user/everyone', 'acme'],
    ['https://acme-sales.pipedrive.com/deal/42', 'acme-sales'],
    ['https://ACME.Pipedrive.com/activities/list', 'acme'],
    ['https://a1.pipedrive.com/', 'a1'],
  ])('%s is account %s', (url, account) => {
    expect(detectPipedrive(new URL(url))).toEqual({
      crm: 'pipedrive',
      account,
      apiBase: `https://${account}.pipedrive.com/api`,
      appUrl: `https://${account}.pipedrive.com`,
    });
  });

  it.each([
    'https://www.pipedrive.com/en/pricing',
    'https://api.pipedrive.com/v1/deals',
    'https://developers.pipedrive.com/docs/api/v1',
    'https://app.pipedrive.com/auth/login',
    'http://acme.pipedrive.com/deal/1', // not https
    'https://acme.pipedrive.com:8443/deal/1',
    'https://acme.pipedrive.com.evil.example/deal/1',
    'https://evil-pipedrive.com/deal/1',
    'https://a.b.pipedrive.com/deal/1',
    'https://pipedrive.com/',
    'https://acme.hubspot.com/',
  ])('%s is not a Pipedrive account page', (url) => {
    expect(detectPipedrive(new URL(url))).toBeNull();
  });

  it('describes the connection for the background: account, API base, source, session auth', () => {
    expect(describePipedriveConnection('https://acme.pipedrive.com/deal/1')).toMatchObject({
      account: 'acme',
      apiBase: 'https://acme.pipedrive.com/api',
      source: 'pipedrive:acme',
      auth: { kind: 'session' },
    });
    expect(describePipedriveConnection('not a url')).toBeNull();
  });
});
