import { describe, expect, it } from 'vitest';
import { methodUrl } from './call';
import { bitrixIsoTime, buildQuery } from './query';

describe('buildQuery (PHP-style parameters of batch commands)', () => {
  it('writes nested filters, arrays and orders with every key and value encoded', () => {
    const query = buildQuery({
      select: ['ID', 'TITLE'],
      filter: { '>=DATE_MODIFY': '2024-04-24T10:38:55+03:00', CLOSED: false },
      order: { ID: 'ASC' },
      start: 50,
      skip: undefined,
    });
    expect(query).toBe(
      'select%5B0%5D=ID&select%5B1%5D=TITLE&filter%5B%3E%3DDATE_MODIFY%5D=2024-04-24T10%3A38%3A55%2B03%3A00&filter%5BCLOSED%5D=N&order%5BID%5D=ASC&start=50',
    );
    // Read back the way PHP (and URLSearchParams) would: the `=` of `>=` and the `+` of the offset survive.
    expect(Object.fromEntries(new URLSearchParams(query))).toMatchObject({ 'filter[>=DATE_MODIFY]': '2024-04-24T10:38:55+03:00', 'select[1]': 'TITLE' });
  });

  it('writes instants with an explicit offset', () => {
    expect(bitrixIsoTime(Date.UTC(2024, 3, 24, 7, 38, 55, 123))).toBe('2024-04-24T07:38:55+00:00');
  });

  it('appends the method to the API root and keeps its query', () => {
    expect(methodUrl('https://acme.bitrix24.ru/rest/1/abcdef0123456789/', 'crm.deal.list')).toBe(
      'https://acme.bitrix24.ru/rest/1/abcdef0123456789/crm.deal.list',
    );
    expect(methodUrl('https://acme.bitrix24.ru/rest/1/abcdef0123456789', 'batch')).toBe('https://acme.bitrix24.ru/rest/1/abcdef0123456789/batch');
    expect(methodUrl('https://acme.bitrix24.ru/rest/?sessid=abc12345', 'user.current')).toBe('https://acme.bitrix24.ru/rest/user.current?sessid=abc12345');
  });
});
