import { describe, expect, it } from 'vitest';
import { permissionsForPlan, planConnection, type ConnectInput } from './inputs';
import { stillToRequest } from './catalog';

const plan = (input: ConnectInput, allowTestApiBase = false) => planConnection(input, { allowTestApiBase });

describe('connect form → connection plan', () => {
  it.each([
    ['acme', 'acme'],
    ['ACME.pipedrive.com', 'acme'],
    ['https://acme.pipedrive.com/deals/list', 'acme'],
  ])('Pipedrive session account %s', (account, expected) => {
    expect(plan({ crm: 'pipedrive', method: 'session', account })).toEqual({
      ok: true,
      plan: {
        crm: 'pipedrive',
        method: 'session',
        account: expected,
        apiBase: `https://${expected}.pipedrive.com/api`,
        appUrl: `https://${expected}.pipedrive.com`,
        auth: { kind: 'session' },
      },
    });
  });

  it.each(['', 'www', 'acme.pipedrive.com.evil.example', 'http://acme.pipedrive.com', 'a b'])('refuses the Pipedrive account %j', (account) => {
    expect(plan({ crm: 'pipedrive', method: 'session', account })).toEqual({ ok: false, field: 'account' });
  });

  it('takes a Pipedrive token without a company domain: the API says whose it is', () => {
    expect(plan({ crm: 'pipedrive', method: 'token', token: ' 0123abcd ' })).toMatchObject({
      ok: true,
      plan: { apiBase: 'https://api.pipedrive.com/api', auth: { kind: 'token', token: '0123abcd' } },
    });
    expect(plan({ crm: 'pipedrive', method: 'token', token: 'abc', account: 'acme' })).toMatchObject({
      ok: true,
      plan: { account: 'acme', apiBase: 'https://acme.pipedrive.com/api' },
    });
    expect(plan({ crm: 'pipedrive', method: 'token', token: 'abc', account: 'not a domain!' })).toEqual({ ok: false, field: 'account' });
  });

  it.each(['', 'two words', 'token\nAPI', 'x'.repeat(501)])('refuses the credential %j', (token) => {
    expect(plan({ crm: 'pipedrive', method: 'token', token })).toEqual({ ok: false, field: 'token' });
  });

  it('Salesforce: the org from a name, a My Domain or a Lightning URL; OAuth login hosts only under salesforce.com', () => {
    for (const account of ['acme', 'acme.my.salesforce.com', 'https://acme.lightning.force.com/lightning/page/home']) {
      expect(plan({ crm: 'salesforce', method: 'session', account })).toMatchObject({
        ok: true,
        plan: { account: 'acme', apiBase: 'https://acme.my.salesforce.com', appUrl: 'https://acme.lightning.force.com' },
      });
    }
    expect(plan({ crm: 'salesforce', method: 'oauth', clientId: '3MVG9abc' })).toMatchObject({ ok: true, plan: { apiBase: 'https://login.salesforce.com' } });
    expect(plan({ crm: 'salesforce', method: 'oauth', clientId: '3MVG9abc', loginUrl: 'test.salesforce.com' })).toMatchObject({
      ok: true,
      plan: { apiBase: 'https://test.salesforce.com' },
    });
    expect(plan({ crm: 'salesforce', method: 'oauth', clientId: '3MVG9abc', loginUrl: 'https://login.salesforce.com.evil.example' })).toEqual({
      ok: false,
      field: 'loginUrl',
    });
    expect(plan({ crm: 'salesforce', method: 'oauth' })).toEqual({ ok: false, field: 'clientId' });
    expect(plan({ crm: 'salesforce', method: 'token', token: 'abc' })).toEqual({ ok: false, field: 'method' });
  });

  it('HubSpot and Close sign in with a token only, as Bearer and as Basic with the key as user name', () => {
    expect(plan({ crm: 'hubspot', method: 'token', token: 'pat-na1-1234' })).toMatchObject({
      ok: true,
      plan: { apiBase: 'https://api.hubapi.com', auth: { kind: 'bearer', token: 'pat-na1-1234' } },
    });
    expect(plan({ crm: 'close', method: 'token', token: 'api_key' })).toMatchObject({
      ok: true,
      plan: { account: 'app.close.com', auth: { kind: 'basic', username: 'api_key', password: '' } },
    });
    expect(plan({ crm: 'hubspot', method: 'session' })).toEqual({ ok: false, field: 'method' });
  });

  it('amoCRM/Kommo and Bitrix24 ask host access for the one account', () => {
    const kommo = plan({ crm: 'kommo', method: 'token', account: 'https://acme.amocrm.ru/leads', token: 'eyJ0' });
    expect(kommo).toMatchObject({
      ok: true,
      plan: { account: 'acme.amocrm.ru', apiBase: 'https://acme.amocrm.ru/api/v4', auth: { kind: 'bearer', token: 'eyJ0' } },
    });
    expect(kommo.ok && permissionsForPlan(kommo.plan, false)).toEqual({ origins: ['https://acme.amocrm.ru/*'], permissions: [] });
    const hook = plan({ crm: 'bitrix24', method: 'webhook', webhookUrl: 'https://acme.bitrix24.ru/rest/1/abcd1234efgh5678/' });
    expect(hook).toMatchObject({
      ok: true,
      plan: { account: 'acme.bitrix24.ru', apiBase: 'https://acme.bitrix24.ru/rest/1/abcd1234efgh5678/', auth: { kind: 'webhook' } },
    });
    expect(hook.ok && permissionsForPlan(hook.plan, false).origins).toEqual(['https://acme.bitrix24.ru/*']);
    expect(plan({ crm: 'bitrix24', method: 'webhook', webhookUrl: 'https://crm.example.com/rest/1/abcd1234efgh5678/' })).toEqual({
      ok: false,
      field: 'webhookUrl',
    });
    expect(plan({ crm: 'bitrix24', method: 'webhook', webhookUrl: 'http://acme.bitrix24.ru/rest/1/abcd1234efgh5678/' })).toEqual({
      ok: false,
      field: 'webhookUrl',
    });
  });

  it('asks the CRM patterns plus cookies for a Salesforce session and identity for OAuth', () => {
    const session = plan({ crm: 'salesforce', method: 'session', account: 'acme' });
    expect(session.ok && permissionsForPlan(session.plan, false)).toEqual({
      origins: ['https://*.force.com/*', 'https://*.salesforce.com/*'],
      permissions: ['cookies'],
    });
    const oauth = plan({ crm: 'salesforce', method: 'oauth', clientId: 'x' });
    expect(oauth.ok && permissionsForPlan(oauth.plan, false).permissions).toEqual(['identity']);
  });

  it('Salesforce in Government Cloud Plus and in China: the org on its own cloud, and only that cloud’s hosts asked for', () => {
    const gov = plan({ crm: 'salesforce', method: 'session', account: 'https://agency.lightning.crmforce.mil/lightning/page/home' });
    expect(gov).toMatchObject({
      ok: true,
      plan: { account: 'agency', apiBase: 'https://agency.my.salesforce.mil', appUrl: 'https://agency.lightning.crmforce.mil' },
    });
    expect(gov.ok && permissionsForPlan(gov.plan, false).origins).toEqual(['https://*.force.mil/*', 'https://*.crmforce.mil/*', 'https://*.salesforce.mil/*']);
    const china = plan({ crm: 'salesforce', method: 'oauth', clientId: 'x', loginUrl: 'acme.my.sfcrmproducts.cn' });
    expect(china).toMatchObject({ ok: true, plan: { apiBase: 'https://acme.my.sfcrmproducts.cn' } });
    expect(china.ok && permissionsForPlan(china.plan, false)).toEqual({
      origins: ['https://*.sfcrmapps.cn/*', 'https://*.sfcrmproducts.cn/*'],
      permissions: ['identity'],
    });
    const govLogin = plan({ crm: 'salesforce', method: 'oauth', clientId: 'x', loginUrl: 'https://agency.my.salesforce.mil' });
    expect(govLogin).toMatchObject({ ok: true, plan: { apiBase: 'https://agency.my.salesforce.mil' } });
    for (const loginUrl of ['https://my.salesforce.mil', 'https://agency.my.salesforce.mil.evil.example', 'https://x.y.my.sfcrmproducts.cn']) {
      expect(plan({ crm: 'salesforce', method: 'oauth', clientId: 'x', loginUrl }), loginUrl).toEqual({ ok: false, field: 'loginUrl' });
    }
    // a consumer secret is optional, but not any text
    expect(plan({ crm: 'salesforce', method: 'oauth', clientId: 'x', clientSecret: 'has a space' })).toEqual({ ok: false, field: 'clientSecret' });
    expect(plan({ crm: 'salesforce', method: 'oauth', clientId: 'x', clientSecret: '  ' })).toMatchObject({ ok: true });
  });

  it('takes an API base override only when allowed (TEST builds) and only on loopback', () => {
    const input: ConnectInput = { crm: 'close', method: 'token', token: 'k', apiBase: 'http://127.0.0.1:4010/api/v1/' };
    expect(plan(input, false)).toMatchObject({ ok: true, plan: { apiBase: 'https://api.close.com/api/v1' } });
    const overridden = plan(input, true);
    expect(overridden).toMatchObject({ ok: true, plan: { apiBase: 'http://127.0.0.1:4010/api/v1' } });
    expect(overridden.ok && permissionsForPlan(overridden.plan, true)).toEqual({ origins: ['http://127.0.0.1/*'], permissions: [] });
    expect(plan({ ...input, apiBase: 'https://api.close.com.evil.example/' }, true)).toEqual({ ok: false, field: 'apiBase' });
  });
});

describe('what a connect still asks the browser for', () => {
  it('leaves out what the manifest declares as required (granted at install; Firefox refuses to request it again)', () => {
    const request = { origins: ['http://127.0.0.1/*'], permissions: ['cookies' as const] };
    expect(stillToRequest(request, { permissions: ['storage', 'http://127.0.0.1/*'] })).toEqual({ origins: [], permissions: ['cookies'] }); // Firefox MV2 test build
    expect(stillToRequest(request, { permissions: ['storage'], host_permissions: ['http://127.0.0.1/*'] })).toEqual({ origins: [], permissions: ['cookies'] }); // Chromium MV3 test build
    expect(stillToRequest({ origins: ['https://*.pipedrive.com/*'], permissions: [] }, { permissions: ['storage'], host_permissions: [] })).toEqual({
      origins: ['https://*.pipedrive.com/*'],
      permissions: [],
    }); // production
  });
});
