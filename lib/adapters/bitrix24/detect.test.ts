import { describe, expect, it } from 'vitest';
import { detectBitrix24, detectSelfHostedBitrix24, parseWebhookUrl } from './detect';
import { bitrixSessionBaseUrl } from './session';

describe('detectBitrix24', () => {
  it.each([
    ['https://acme.bitrix24.ru/crm/deal/details/37/', 'acme.bitrix24.ru'],
    ['https://stroy-torg.bitrix24.kz/crm/deal/kanban/', 'stroy-torg.bitrix24.kz'],
    ['https://acme.bitrix24.com/stream/', 'acme.bitrix24.com'],
    ['https://acme.bitrix24.de/', 'acme.bitrix24.de'],
    ['https://b24-abc123.bitrix24.eu/crm/', 'b24-abc123.bitrix24.eu'],
    ['https://acme.bitrix24.com.br/crm/lead/list/', 'acme.bitrix24.com.br'],
    ['https://ACME.Bitrix24.BY/crm/', 'acme.bitrix24.by'],
  ])('%s is the portal %s', (href, host) => {
    expect(detectBitrix24(new URL(href))).toEqual({ crm: 'bitrix24', account: host, apiBase: `https://${host}/rest/`, appUrl: `https://${host}` });
  });

  it.each([
    'https://acme.bitrix24.ru.attacker.com/crm/',
    'https://evil-bitrix24.ru/crm/',
    'https://bitrix24.ru/',
    'https://www.bitrix24.ru/prices/',
    'https://a.b.bitrix24.ru/',
    'https://acme.bitrix24.xyz/',
    'https://acme.bitrix24.ru:8443/',
    'http://acme.bitrix24.ru/',
    'https://user:pw@acme.bitrix24.ru/',
    'https://attacker.com/acme.bitrix24.ru/',
    'https://acme.amocrm.ru/',
    'https://helpdesk.bitrix24.ru/open/123/',
  ])('%s is not a Bitrix24 portal', (href) => {
    expect(detectBitrix24(new URL(href))).toBeNull();
  });
});

describe('self-hosted portals, webhooks and sessions', () => {
  it('recognises a self-hosted portal only on a host the rep registered, on CRM pages', () => {
    const hosts = ['crm.example.ru', 'portal.local:8080'];
    expect(detectSelfHostedBitrix24(new URL('https://crm.example.ru/crm/deal/details/5/'), hosts)).toEqual({
      crm: 'bitrix24',
      account: 'crm.example.ru',
      apiBase: 'https://crm.example.ru/rest/',
      appUrl: 'https://crm.example.ru',
    });
    expect(detectSelfHostedBitrix24(new URL('http://portal.local:8080/crm/'), hosts)?.apiBase).toBe('http://portal.local:8080/rest/');
    expect(detectSelfHostedBitrix24(new URL('https://crm.example.ru/blog/'), hosts)).toBeNull();
    expect(detectSelfHostedBitrix24(new URL('https://crm.example.ru.attacker.com/crm/'), hosts)).toBeNull();
    expect(detectSelfHostedBitrix24(new URL('https://other.example.ru/crm/'), hosts)).toBeNull();
  });

  it.each([
    [
      'https://acme.bitrix24.ru/rest/1/abcdef0123456789/',
      { baseUrl: 'https://acme.bitrix24.ru/rest/1/abcdef0123456789/', appUrl: 'https://acme.bitrix24.ru', userId: '1' },
    ],
    [
      '  https://crm.example.ru/rest/17/q1w2e3r4t5y6u7i8/profile.json ',
      { baseUrl: 'https://crm.example.ru/rest/17/q1w2e3r4t5y6u7i8/', appUrl: 'https://crm.example.ru', userId: '17' },
    ],
  ])('reads the webhook %s', (text, expected) => {
    expect(parseWebhookUrl(text)).toEqual(expected);
  });

  it.each([
    'http://acme.bitrix24.ru/rest/1/abcdef0123456789/',
    'https://acme.bitrix24.ru/rest/abc/abcdef0123456789/',
    'https://acme.bitrix24.ru/crm/deal/',
    'not a url',
    'https://acme.bitrix24.ru/rest/1/short/',
  ])('%s is not a webhook URL', (text) => {
    expect(parseWebhookUrl(text)).toBeNull();
  });

  it('builds the session API root with the page sessid, and refuses anything else', () => {
    expect(bitrixSessionBaseUrl('https://acme.bitrix24.ru/crm/deal/', 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6')).toBe(
      'https://acme.bitrix24.ru/rest/?sessid=a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6',
    );
    expect(() => bitrixSessionBaseUrl('https://acme.bitrix24.ru', 'x&auth=1')).toThrow(/sessid/);
  });
});
