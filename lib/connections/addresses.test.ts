import { describe, expect, it } from 'vitest';
import { CRM_HOST_PATTERNS } from '../adapters/hosts';
import { addressAllowed, type AddressPolicy } from './addresses';
import { planConnection, type ConnectInput } from './inputs';

const PRODUCTION: AddressPolicy = { kind: 'crm-hosts', loopback: false };
const TEST_BUILD: AddressPolicy = { kind: 'crm-hosts', loopback: true };

describe('where a connection’s credentials may go', () => {
  // Every address the connect form can produce is one of its CRM's (the check never refuses a real account).
  const inputs: ConnectInput[] = [
    { crm: 'pipedrive', method: 'token', token: 't' },
    { crm: 'pipedrive', method: 'token', token: 't', account: 'acme' },
    { crm: 'pipedrive', method: 'session', account: 'https://acme.pipedrive.com/deals' },
    { crm: 'salesforce', method: 'session', account: 'acme--uat.sandbox.my.salesforce.com' },
    { crm: 'salesforce', method: 'oauth', clientId: 'c', loginUrl: 'test.salesforce.com' },
    { crm: 'hubspot', method: 'token', token: 'pat-na1-x' },
    { crm: 'close', method: 'token', token: 'api_x' },
    { crm: 'kommo', method: 'token', token: 't', account: 'acme.amocrm.ru' },
    { crm: 'kommo', method: 'session', account: 'acme.kommo.com' },
    { crm: 'bitrix24', method: 'webhook', webhookUrl: 'https://acme.bitrix24.de/rest/1/abcdef0123456789/' },
    { crm: 'bitrix24', method: 'session', account: 'acme.bitrix24.com.br' },
  ];
  it.each(inputs)('allows what connecting %o produces', (input) => {
    const planned = planConnection(input, { allowTestApiBase: false });
    if (!planned.ok) throw new Error(`not a plan: ${planned.field}`);
    expect(addressAllowed(input.crm, planned.plan.apiBase, PRODUCTION)).toBe(true);
    expect(addressAllowed(input.crm, planned.plan.appUrl, PRODUCTION)).toBe(true);
  });

  // [crm, url, production, test build]
  const table: [keyof typeof CRM_HOST_PATTERNS | 'sandbox', string, boolean, boolean][] = [
    ['close', 'https://api.close.com/api/v1/me/', true, true],
    ['close', 'https://api.close.com.evil.example/api/v1', false, false], // a look-alike suffix
    ['close', 'https://evilclose.com/api/v1', false, false],
    ['close', 'https://api.pipedrive.com/v1', false, false], // another CRM's host
    ['close', 'http://api.close.com/api/v1', false, false], // plain http
    ['close', 'https://api.close.com:444/api/v1', false, false], // another port
    ['close', 'https://u:p@api.close.com/api/v1', false, false], // credentials in the URL
    ['close', 'https://evil.example#@api.close.com', false, false],
    ['close', 'not a url', false, false],
    ['close', 'javascript:alert(1)', false, false],
    ['close', 'http://127.0.0.1:4555/api/v1', false, true], // a fake Close in test builds
    ['close', 'http://localhost:4555/api/v1', false, true],
    ['close', 'file:///etc/passwd', false, false],
    ['pipedrive', 'https://acme.pipedrive.com/api/v2/deals?cursor=x', true, true],
    ['pipedrive', 'https://pipedrive.com/api', true, true],
    ['salesforce', 'https://acme.my.salesforce.com/services/data/v60.0/query', true, true],
    ['salesforce', 'https://acme.lightning.force.com', true, true],
    ['salesforce', 'https://login.salesforce.com/services/oauth2/token', true, true],
    ['salesforce', 'https://salesforce.com.evil.example', false, false],
    ['hubspot', 'https://api.hubapi.com/crm/v3/objects/deals', true, true],
    ['hubspot', 'https://api.hubspot.com/crm/v3/objects/deals', false, false], // not one of HubSpot's listed hosts
    ['kommo', 'https://acme.amocrm.ru/api/v4/leads', true, true],
    ['bitrix24', 'https://acme.bitrix24.ru/rest/1/secret/crm.deal.list', true, true],
    ['bitrix24', 'https://acme.bitrix24.evil/rest/1/secret/', false, false],
    ['sandbox', 'http://127.0.0.1:4100/api/v1/deals', false, true],
    ['sandbox', 'https://sandbox.example/api', false, false],
  ];
  it.each(table)('%s → %s: %s in production, %s in test builds', (crm, url, production, testBuild) => {
    expect(addressAllowed(crm, url, PRODUCTION)).toBe(production);
    expect(addressAllowed(crm, url, TEST_BUILD)).toBe(testBuild);
    expect(addressAllowed(crm, url, { kind: 'as-given' })).toBe(true);
  });
});
