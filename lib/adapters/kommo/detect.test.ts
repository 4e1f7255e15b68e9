import { describe, expect, it } from 'vitest';
import { detectKommo, kommoLabel } from './detect';

describe('detectKommo', () => {
  it.each([
    ['https://acme.amocrm.ru/leads/pipeline/3177727', 'acme.amocrm.ru'],
    ['https://acme.kommo.com/leads/detail/19619', 'acme.kommo.com'],
    ['https://stroy-torg.amocrm.com/contacts/list/', 'stroy-torg.amocrm.com'],
    ['https://ACME.AmoCRM.ru/dashboard/', 'acme.amocrm.ru'],
    ['https://a1.amocrm.ru/', 'a1.amocrm.ru'],
  ])('%s is the account %s', (href, account) => {
    const found = detectKommo(new URL(href));
    expect(found).toEqual({ crm: 'kommo', account, apiBase: `https://${account}/api/v4`, appUrl: `https://${account}` });
  });

  it.each([
    'https://evil-amocrm.ru.attacker.com/leads/',
    'https://amocrm.ru.attacker.com/',
    'https://acme.amocrm.ru.attacker.com/',
    'https://attacker.com/acme.amocrm.ru/',
    'https://amocrm.ru/',
    'https://www.amocrm.ru/',
    'https://www.kommo.com/pricing/',
    'https://id.amocrm.ru/login',
    'https://developers.kommo.com/reference',
    'https://a.b.amocrm.ru/',
    'http://acme.amocrm.ru/leads/',
    'https://acme.amocrm.ru:8443/',
    'https://user:pass@acme.amocrm.ru/',
    'https://-acme.amocrm.ru/',
    'https://acme-.amocrm.ru/',
    'https://acme.amocrm.su/',
    'https://acmeamocrm.ru/',
    'https://acme.bitrix24.ru/',
  ])('%s is not an amoCRM account', (href) => {
    expect(detectKommo(new URL(href))).toBeNull();
  });

  it('names the CRM by its zone', () => {
    expect([kommoLabel('https://acme.kommo.com/api/v4'), kommoLabel('https://acme.amocrm.ru/api/v4'), kommoLabel('nonsense')]).toEqual([
      'Kommo',
      'amoCRM',
      'amoCRM',
    ]);
  });
});
