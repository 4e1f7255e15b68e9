import { describe, expect, it } from 'vitest';
import { describeSalesforceConnection, detectSalesforce } from './detect';

describe('detectSalesforce', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000AbCdEAAV/view', 'acme', 'acme'],
    ['https://acme.my.salesforce.com/0065e00000AbCdE', 'acme', 'acme'], // Classic
    ['https://acme.my.salesforce-setup.com/lightning/setup/SetupOneHome/home', 'acme', 'acme'],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/page/home', 'acme--uat.sandbox', 'acme--uat.sandbox'],
    ['https://acme-dev-ed.develop.lightning.force.com/lightning/o/Lead/list', 'acme-dev-ed.develop', 'acme-dev-ed.develop'],
    ['https://ACME.Lightning.Force.com/lightning/page/home', 'acme', 'acme'],
  ])('%s → org %s', (url, account, host) => {
    expect(detectSalesforce(new URL(url))).toEqual({
      crm: 'salesforce',
      account,
      apiBase: `https://${host}.my.salesforce.com`,
      appUrl: `https://${host}.lightning.force.com`,
      sessionCookie: { url: `https://${host}.my.salesforce.com`, name: 'sid' },
    });
  });

  it.each([
    // Government Cloud Plus: Lightning on crmforce.mil (force.mil before enhanced domains), the API on salesforce.mil
    ['https://agency.lightning.crmforce.mil/lightning/page/home', 'agency', 'https://agency.my.salesforce.mil', 'https://agency.lightning.crmforce.mil'],
    ['https://agency.lightning.force.mil/lightning/page/home', 'agency', 'https://agency.my.salesforce.mil', 'https://agency.lightning.crmforce.mil'],
    [
      'https://agency--uat.sandbox.my.salesforce.mil/001',
      'agency--uat.sandbox',
      'https://agency--uat.sandbox.my.salesforce.mil',
      'https://agency--uat.sandbox.lightning.crmforce.mil',
    ],
    // Salesforce on Alibaba Cloud (China)
    ['https://acme.lightning.sfcrmapps.cn/lightning/page/home', 'acme', 'https://acme.my.sfcrmproducts.cn', 'https://acme.lightning.sfcrmapps.cn'],
    ['https://acme.my.sfcrmproducts.cn/home', 'acme', 'https://acme.my.sfcrmproducts.cn', 'https://acme.lightning.sfcrmapps.cn'],
  ])('%s → org %s on its own cloud', (url, account, apiBase, appUrl) => {
    expect(detectSalesforce(new URL(url))).toEqual({ crm: 'salesforce', account, apiBase, appUrl, sessionCookie: { url: apiBase, name: 'sid' } });
  });

  it.each([
    'https://www.salesforce.com/products/',
    // seen through Microsoft Defender for Cloud Apps: a proxy's host, not the org's (such orgs connect with OAuth)
    'https://acme.lightning.force.com.mcas.ms/lightning/page/home',
    'https://acme.my.salesforce.com.mcas-gov.us/',
    'https://acme.lightning.crmforce.mil.evil.example/',
    'https://acme.my.sfcrmproducts.cn.evil.example/',
    'https://login.salesforce.com/',
    'https://test.salesforce.com/',
    'https://trailhead.salesforce.com/',
    'https://acme.lightning.force.com.evil.example/',
    'https://evil.example/acme.lightning.force.com',
    'http://acme.lightning.force.com/lightning/page/home',
    'https://acme--c.vf.force.com/apex/Page', // Visualforce: not handled
    'https://acme.pipedrive.com/',
  ])('%s is not a Salesforce org page', (url) => {
    expect(detectSalesforce(new URL(url))).toBeNull();
  });

  it('describes the connection: API host, the sid cookie there, bearer auth, source', () => {
    expect(describeSalesforceConnection('https://acme.lightning.force.com/lightning/page/home')).toMatchObject({
      apiBase: 'https://acme.my.salesforce.com',
      sessionCookie: { url: 'https://acme.my.salesforce.com', name: 'sid' },
      auth: 'bearer',
      source: 'salesforce:acme',
    });
    expect(describeSalesforceConnection('::')).toBeNull();
  });
});
