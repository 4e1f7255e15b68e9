/** Bitrix24 records in the documented shapes (strings for numbers, ISO dates with offsets), with Russian values. Test data only. */
export const BITRIX_WEBHOOK = 'https://stroytorg.bitrix24.ru/rest/1/q1w2e3r4t5y6u7i8/';

export function deal(overrides: Record<string, unknown> = {}) {
  return {
    ID: '101',
    TITLE: 'Поставка оборудования',
    STAGE_ID: 'C1:WON',
    STAGE_SEMANTIC_ID: 'S',
    CATEGORY_ID: '1',
    CLOSED: 'Y',
    OPPORTUNITY: '1 250 000,50',
    CURRENCY_ID: 'RUB',
    OPPORTUNITY_ACCOUNT: '13750.01',
    ACCOUNT_CURRENCY_ID: 'USD',
    PROBABILITY: '90',
    ASSIGNED_BY_ID: '7',
    COMPANY_ID: '55',
    SOURCE_ID: 'RECOMMENDATION',
    DATE_CREATE: '2024-03-01T09:15:00+03:00',
    DATE_MODIFY: '2024-04-24T10:38:55+03:00',
    BEGINDATE: '2024-02-28T03:00:00+03:00',
    CLOSEDATE: '2024-04-30T03:00:00+03:00',
    MOVED_TIME: '2024-04-24T10:38:55+03:00',
    LAST_ACTIVITY_TIME: '2024-04-23T16:00:00+03:00',
    ...overrides,
  };
}

export function activity(overrides: Record<string, unknown> = {}) {
  return {
    ID: '9001',
    OWNER_ID: '101',
    OWNER_TYPE_ID: '2',
    TYPE_ID: '1',
    PROVIDER_ID: 'CRM_MEETING',
    PROVIDER_TYPE_ID: 'MEETING',
    SUBJECT: 'Демонстрация оборудования',
    CREATED: '2024-04-01T12:00:00+03:00',
    LAST_UPDATED: '2024-04-10T16:05:00+03:00',
    START_TIME: '2024-04-10T15:00:00+03:00',
    END_TIME: '2024-04-10T16:00:00+03:00',
    DEADLINE: '2024-04-10T15:00:00+03:00',
    COMPLETED: 'Y',
    RESPONSIBLE_ID: '7',
    DIRECTION: '0',
    ...overrides,
  };
}
