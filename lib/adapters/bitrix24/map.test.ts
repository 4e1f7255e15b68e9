import { describe, expect, it } from 'vitest';
import { mapItems } from '../map';
import { mapActivity } from './map-activities';
import { bxChannel, bxDate, bxTime } from './map-common';
import { mapDeal } from './map-deals';
import { mapLead } from './map-leads';
import { mapCompany } from './map-people';
import { activity, deal } from './test-fixtures';

const ctx = { source: 'bitrix24:stroytorg.bitrix24.ru', appUrl: 'https://stroytorg.bitrix24.ru', timeZone: 'Europe/Moscow' };
const dealOf = (raw: unknown) => mapItems([raw], (item) => mapDeal(item, ctx));

describe('Bitrix24 dates', () => {
  it('reads date-times only with an offset, and date fields as the day written, at midnight in the rep zone', () => {
    expect(bxTime('2024-04-24T10:38:55+03:00')).toBe(Date.UTC(2024, 3, 24, 7, 38, 55));
    expect(bxTime('24.08.2023 13:19:39')).toBeUndefined();
    expect(bxTime({})).toBeUndefined();
    expect(bxDate('2024-04-30T03:00:00+03:00', 'Europe/Moscow')).toBe(Date.UTC(2024, 3, 29, 21)); // 30 April 00:00 MSK (UTC+3)
    expect(bxDate('2024-04-30', 'America/New_York')).toBe(Date.UTC(2024, 3, 30, 4)); // 30 April 00:00 EDT (UTC−4)
  });

  it.each([
    ['CALL', 'call'],
    ['EMAIL', 'email'],
    ['WEB', 'inbound'],
    ['RECOMMENDATION', 'referral'],
    ['TRADE_SHOW', 'event'],
    ['2|TELEGRAM', 'social'],
    ['UC_7F3K2A', undefined],
  ])('source %s → channel %s', (source, channel) => {
    expect(bxChannel(source)).toEqual(channel ? { channel, channelRaw: source } : { channelRaw: source });
  });
});

describe('mapDeal', () => {
  it('maps a won deal: semantic S, rubles to kopecks, the account conversion, close at MOVED_TIME', () => {
    const { records, rejects } = dealOf(deal());
    expect(rejects).toEqual([]);
    expect(records.deal?.[0]).toEqual({
      source: 'bitrix24:stroytorg.bitrix24.ru',
      externalId: '101',
      updatedAt: Date.UTC(2024, 3, 24, 7, 38, 55),
      url: 'https://stroytorg.bitrix24.ru/crm/deal/details/101/',
      title: 'Поставка оборудования',
      ownerId: '7',
      status: 'won',
      pipelineId: '1',
      stageId: 'C1:WON',
      amount: { minor: 125_000_050, currency: 'RUB' }, // "1 250 000,50" ₽
      convertedAmount: { minor: 1_375_001, currency: 'USD' }, // "13750.01" $
      probability: 90,
      createdAt: Date.UTC(2024, 2, 1, 6, 15),
      closedAt: Date.UTC(2024, 3, 24, 7, 38, 55), // MOVED_TIME
      firstContactAt: Date.UTC(2024, 1, 27, 21), // BEGINDATE 28 Feb, midnight MSK
      channel: 'referral',
      channelRaw: 'RECOMMENDATION',
      customerId: '55',
      lineItems: [],
      lastActivityAt: Date.UTC(2024, 3, 23, 13),
    });
  });

  it('takes lost from F, open from P or CLOSED = N, and an open deal expects to close on CLOSEDATE', () => {
    const lost = dealOf(deal({ STAGE_SEMANTIC_ID: 'F', STAGE_ID: 'C1:LOSE', MOVED_TIME: '' })).records.deal?.[0];
    expect([lost?.status, lost?.closedAt]).toEqual(['lost', Date.UTC(2024, 3, 29, 21)]); // no MOVED_TIME → CLOSEDATE 30 April MSK
    const open = dealOf(deal({ STAGE_SEMANTIC_ID: 'P', STAGE_ID: 'C1:NEW', CLOSED: 'N' })).records.deal?.[0];
    expect([open?.status, open?.closedAt, open?.expectedCloseAt]).toEqual(['open', undefined, Date.UTC(2024, 3, 29, 21)]);
    const flagged = dealOf(deal({ STAGE_SEMANTIC_ID: undefined, CLOSED: 'N' })).records.deal?.[0];
    expect(flagged?.status).toBe('open');
  });

  it('never guesses won from a stage called WON', () => {
    const { rejects } = dealOf(deal({ STAGE_SEMANTIC_ID: null, CLOSED: 'Y', STAGE_ID: 'WON' }));
    expect(rejects[0]?.reason).toMatch(/^no STAGE_SEMANTIC_ID/);
  });

  it('rejects a deal without owner, with an unreadable amount, or without any date', () => {
    expect(dealOf(deal({ ASSIGNED_BY_ID: '0' })).rejects[0]?.reason).toMatch(/ASSIGNED_BY_ID/);
    expect(dealOf(deal({ OPPORTUNITY: 'миллион' })).rejects[0]?.reason).toMatch(/миллион RUB is not a readable number/);
    expect(dealOf(deal({ CURRENCY_ID: null })).rejects[0]?.reason).toMatch(/has no currency/);
    expect(dealOf(deal({ DATE_CREATE: null, DATE_MODIFY: '' })).rejects[0]?.reason).toMatch(/DATE_MODIFY nor DATE_CREATE/);
  });

  it('drops a probability outside 0–100 rather than the deal', () => {
    expect(dealOf(deal({ PROBABILITY: '250' })).records.deal?.[0]?.probability).toBeUndefined();
  });
});

describe('mapLead and mapActivity', () => {
  const lead = {
    ID: '7',
    TITLE: 'Заявка с сайта',
    STATUS_ID: 'JUNK',
    STATUS_SEMANTIC_ID: 'F',
    SOURCE_ID: 'WEBFORM',
    ASSIGNED_BY_ID: '7',
    DATE_CREATE: '2024-04-01T10:00:00+03:00',
    DATE_MODIFY: '2024-04-02T10:00:00+03:00',
  };

  it('maps lead semantics: F is disqualified, S converted with its company', () => {
    const { records } = mapItems(
      [lead, { ...lead, ID: '8', STATUS_SEMANTIC_ID: 'S', STATUS_ID: 'CONVERTED', COMPANY_ID: '55', DATE_CLOSED: '2024-04-05T12:00:00+03:00' }],
      (raw) => mapLead(raw, ctx),
    );
    expect(records.lead?.map((l) => [l.externalId, l.status, l.convertedAt, l.convertedCustomerId, l.channel])).toEqual([
      ['7', 'disqualified', undefined, undefined, 'inbound'],
      ['8', 'converted', Date.UTC(2024, 3, 5, 9), '55', 'inbound'],
    ]);
    expect(mapItems([{ ...lead, STATUS_SEMANTIC_ID: '' }], (raw) => mapLead(raw, ctx)).rejects[0]?.reason).toMatch(/STATUS_SEMANTIC_ID \(status JUNK\)/);
  });

  it('maps activity types, directions, links and durations', () => {
    const { records } = mapItems(
      [
        activity(),
        activity({ ID: '2', TYPE_ID: '2', DIRECTION: '1', OWNER_TYPE_ID: '1', OWNER_ID: '7', COMPLETED: 'N' }),
        activity({ ID: '3', TYPE_ID: '6', PROVIDER_ID: 'CRM_TODO', OWNER_TYPE_ID: '4', OWNER_ID: '55' }),
        activity({ ID: '4', TYPE_ID: '4', DIRECTION: '2', START_TIME: '' }),
      ],
      (raw) => mapActivity(raw, ctx),
    );
    expect(records.activity?.map((a) => [a.externalId, a.type, a.direction, a.done, a.dealId, a.leadId, a.customerId, a.durationSec])).toEqual([
      ['9001', 'meeting', undefined, true, '101', undefined, undefined, 3600], // 15:00 → 16:00
      ['2', 'call', 'inbound', false, undefined, '7', undefined, 3600],
      ['3', 'task', undefined, true, undefined, undefined, '55', undefined],
      ['4', 'email', 'outbound', true, '101', undefined, undefined, undefined],
    ]);
    expect(records.activity?.[3]?.occurredAt).toBe(Date.UTC(2024, 3, 10, 12)); // no START_TIME → DEADLINE 15:00 MSK
    expect(records.activity?.[0]).toMatchObject({ title: 'Демонстрация оборудования', url: 'https://stroytorg.bitrix24.ru/crm/deal/details/101/' });
  });
});

describe('mapCompany', () => {
  it('maps a company to a customer with its owner and address', () => {
    const raw = {
      ID: '55',
      TITLE: 'ООО «Ромашка»',
      ASSIGNED_BY_ID: '7',
      DATE_CREATE: '2023-01-10T10:00:00+03:00',
      DATE_MODIFY: '2024-02-01T10:00:00+03:00',
      ADDRESS_COUNTRY: 'Россия',
      ADDRESS_REGION: 'Московская область',
    };
    expect(mapItems([raw, { ...raw, ID: '56', DATE_CREATE: null, DATE_MODIFY: null }], (item) => mapCompany(item, ctx))).toEqual({
      records: {
        customer: [
          {
            source: ctx.source,
            externalId: '55',
            updatedAt: Date.UTC(2024, 1, 1, 7),
            url: 'https://stroytorg.bitrix24.ru/crm/company/details/55/',
            name: 'ООО «Ромашка»',
            ownerId: '7',
            country: 'Россия',
            region: 'Московская область',
          },
        ],
      },
      rejects: [
        {
          recordType: 'customer',
          externalId: '56',
          raw: { ...raw, ID: '56', DATE_CREATE: null, DATE_MODIFY: null },
          reason: 'the company has neither DATE_MODIFY nor DATE_CREATE',
        },
      ],
    });
  });
});
