import { describe, expect, it } from 'vitest';
import { detectCrm } from './registry';

describe('CRM detection', () => {
  it('finds the sandbox CRM only where the build allows it', () => {
    expect(detectCrm('http://127.0.0.1:5179/deals', { allowSandbox: true })).toMatchObject({
      crm: 'sandbox',
      account: '127.0.0.1:5179',
      apiBase: 'http://127.0.0.1:5179/api/v1',
    });
    expect(detectCrm('http://127.0.0.1:5179/deals', { allowSandbox: false })).toBeNull();
  });

  it.each([
    ['https://acme.amocrm.ru/leads/pipeline/1', 'kommo', 'acme.amocrm.ru'],
    ['https://acme.pipedrive.com/deal/42', 'pipedrive', 'acme'],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view', 'salesforce', 'acme'],
    ['https://acme.bitrix24.ru/crm/deal/list/', 'bitrix24', 'acme.bitrix24.ru'],
  ])('finds %s', (url, crm, account) => {
    expect(detectCrm(url, { allowSandbox: false })).toMatchObject({ crm, account });
  });

  it.each(['https://acme.amocrm.ru.attacker.example/', 'https://localhost.evil.example/', 'https://127.0.0.1/', 'not a url', 'file:///etc/passwd'])(
    'ignores %s',
    (url) => {
      expect(detectCrm(url, { allowSandbox: true })).toBeNull();
    },
  );
});
