import { describe, expect, it } from 'vitest';
import { computeKpis } from '../kpi';
import type { KpiData } from '../kpi/types';
import { parsePeriodSpec } from '../period';
import type { Activity, Deal, Lead } from '../model';
import {
  AMOCRM_EN,
  AMOCRM_RU,
  BITRIX24_API,
  BITRIX24_API_ACTIVITIES,
  BITRIX24_API_LEADS,
  BITRIX24_RU,
  HUBSPOT_DEALS,
  PIPEDRIVE_DEALS,
  SALESFORCE_REPORT,
} from './fixtures/crm-exports';
import { importCsv } from './import-csv';
import { FormatError, type ImportOptions, type ImportResult, type PresetId } from './types';

/**
 * Each CRM's export shape (fixtures/crm-exports.ts), read with no options and
 * with its preset: the same records either way, and every value as the CRM
 * meant it. Instants are written as the UTC time the file's local time is.
 */
const utc = (text: string) => Date.parse(`${text}Z`);

async function both(csv: string, preset: PresetId, options: Partial<ImportOptions> = {}): Promise<ImportResult> {
  const base = { source: 'csv:crm', importedAt: 1, timeZone: 'UTC', ...options };
  const detected = await importCsv(csv, base);
  const named = await importCsv(csv, { ...base, preset });
  expect(detected.preset).toBe(preset);
  expect(named.records).toEqual(detected.records);
  expect(named.formats).toEqual(detected.formats);
  return detected;
}

const deal = (d: Deal) => [
  d.externalId,
  d.title,
  d.ownerId,
  d.status,
  d.stageId,
  d.amount && `${d.amount.minor} ${d.amount.currency}`,
  d.createdAt,
  d.closedAt,
  d.expectedCloseAt,
  d.updatedAt,
  d.lastActivityAt,
  d.customerId ?? null,
];

describe('amoCRM', () => {
  it('Russian export: Дата создания сделки, не закрыта, roubles from the account, stages as the status', async () => {
    const result = await both(AMOCRM_RU, 'amocrm', { timeZone: 'Europe/Moscow' });
    expect(result.records.deals.map(deal)).toEqual([
      // id, title, owner, status, stage, amount (kopecks), created, closed, expected, updated, last activity, customer — MSK is UTC+3
      [
        '31001',
        'Поставка станков',
        'owner:иван петров',
        'won',
        'Успешно реализовано',
        '15000000 RUB',
        utc('2024-03-05T11:20'),
        utc('2024-06-20T15:00'),
        undefined,
        utc('2024-06-20T15:05'),
        undefined,
        'account:ооо ромашка',
      ],
      [
        '31002',
        'Сервисный договор',
        'owner:мария иванова',
        'lost',
        'Закрыто и не реализовано',
        '1250050 RUB',
        utc('2024-03-06T07:00'),
        utc('2024-06-21T07:00'),
        undefined,
        utc('2024-06-21T07:00'),
        undefined,
        null,
      ],
      // `не закрыта`: an open deal without a close date, not a rejected row
      [
        '31003',
        'Аренда оборудования',
        'owner:мария иванова',
        'open',
        'Переговоры',
        '990000 RUB',
        utc('2024-03-07T06:30'),
        undefined,
        undefined,
        utc('2024-07-01T09:00'),
        undefined,
        'account:ооо ромашка',
      ],
    ]);
    expect(result.columns).toMatchObject({ createdAt: 'Дата создания сделки', updatedAt: 'Дата редактирования', stage: 'Этап сделки', amount: 'Бюджет' });
    expect(result.currencies).toEqual([{ source: 'preset', currency: 'RUB', count: 3, from: 'amoCRM (Kommo), Russian export' }]);
    expect(result.rejectCount).toBe(0);
  });

  it('English export (Kommo): not closed, and a currency reported as unknown until it is given', async () => {
    const result = await both(AMOCRM_EN, 'amocrm');
    expect(result.records.deals.map(deal)).toEqual([
      [
        '5101',
        'Website redesign',
        'owner:anna smith',
        'won',
        'Closed - won',
        '220050 XXX',
        utc('2024-03-05T14:20'),
        utc('2024-06-20T18:00'),
        undefined,
        utc('2024-06-20T18:05'),
        undefined,
        'account:acme ltd',
      ],
      [
        '5102',
        'Support plan',
        'owner:ben lee',
        'lost',
        'Closed - lost',
        '150000 XXX',
        utc('2024-03-06T10:00'),
        utc('2024-06-21T10:00'),
        undefined,
        utc('2024-06-21T10:00'),
        undefined,
        null,
      ],
      [
        '5103',
        'Hosting',
        'owner:ben lee',
        'open',
        'Negotiation',
        '30000 XXX',
        utc('2024-03-07T09:30'),
        undefined,
        undefined,
        utc('2024-07-01T12:00'),
        undefined,
        'account:acme ltd',
      ],
    ]);
    expect(result.currencies).toEqual([{ source: 'unknown', currency: 'XXX', count: 3 }]);
    const told = await importCsv(AMOCRM_EN, { source: 'csv:crm', timeZone: 'UTC', currency: 'USD' });
    expect(told.records.deals.map((d) => d.amount?.currency)).toEqual(['USD', 'USD', 'USD']);
  });
});

describe('Bitrix24', () => {
  it('Russian interface export: currency names, Да/Нет, the planned close date of an open deal', async () => {
    const result = await both(BITRIX24_RU, 'bitrix24', { timeZone: 'Europe/Moscow' });
    expect(result.records.deals.map(deal)).toEqual([
      [
        '11',
        'Сайт под ключ',
        'owner:ольга смирнова',
        'won',
        'Сделка успешна',
        '25000000 RUB',
        utc('2024-02-01T07:15'),
        utc('2024-06-14T21:00'),
        undefined,
        utc('2024-06-15T09:00'),
        undefined,
        'account:ип сидоров',
      ],
      [
        '12',
        'Лендинг',
        'owner:ольга смирнова',
        'lost',
        'Сделка провалена',
        '4000000 RUB',
        utc('2024-02-02T08:00'),
        utc('2024-06-15T21:00'),
        undefined,
        utc('2024-06-16T09:00'),
        undefined,
        null,
      ],
      [
        '13',
        'Редизайн',
        'owner:петр елкин',
        'open',
        'Подготовка документов',
        '9000000 USD',
        utc('2024-02-04T06:00'),
        undefined,
        utc('2024-07-29T21:00'),
        utc('2024-07-01T06:00'),
        undefined,
        null,
      ],
    ]);
    expect(result.records.deals.map((d) => d.channel)).toEqual(['inbound', 'call', 'referral']);
  });

  it('REST API columns: stage codes with pipeline prefixes, offsets kept, OPENED (Y/N) never a date, 0 for no company', async () => {
    const result = await both(BITRIX24_API, 'bitrix24');
    expect(result.columns).toMatchObject({
      stage: 'STAGE_ID',
      amount: 'OPPORTUNITY',
      currency: 'CURRENCY_ID',
      owner: 'ASSIGNED_BY_ID',
      createdAt: 'DATE_CREATE',
      closedAt: 'CLOSEDATE',
      isClosed: 'CLOSED',
      lastActivityAt: 'LAST_ACTIVITY_TIME',
    });
    expect(Object.values(result.columns)).not.toContain('OPENED');
    expect(result.records.deals.map(deal)).toEqual([
      // 18:37:18 at +02:00 is 16:37:18 UTC; CLOSEDATE 03:00 at +03:00 is midnight UTC
      [
        '37',
        '[A] Deal',
        'owner:1',
        'won',
        'C6:WON',
        '1999999 RUB',
        utc('2024-09-02T16:37:18'),
        utc('2024-09-10T00:00'),
        undefined,
        utc('2024-09-10T08:00'),
        utc('2024-09-09T14:20'),
        'account:5',
      ],
      [
        '38',
        '[A] Deal',
        'owner:6',
        'lost',
        'C2:LOSE',
        '2000000 USD',
        utc('2024-09-02T16:37:38'),
        utc('2024-09-12T00:00'),
        undefined,
        utc('2024-09-12T07:00'),
        undefined,
        null,
      ],
      [
        '39',
        '[B] Sale',
        'owner:1',
        'won',
        'WON',
        '1250000 RUB',
        utc('2024-04-09T21:11:01'),
        utc('2024-05-01T00:00'),
        undefined,
        utc('2024-05-01T08:00'),
        undefined,
        'account:5',
      ],
      [
        '40',
        '[B] Deal',
        'owner:6',
        'lost',
        'APOLOGY',
        '1350000 RUB',
        utc('2024-08-08T17:00:14'),
        utc('2024-08-20T00:00'),
        undefined,
        utc('2024-08-20T08:00'),
        undefined,
        null,
      ],
      [
        '41',
        '[V] Deal',
        'owner:6',
        'open',
        'NEW',
        '1150000 RUB',
        utc('2024-05-08T07:38:23'),
        undefined,
        utc('2024-10-31T00:00'),
        utc('2024-09-01T08:00'),
        utc('2024-08-30T09:00'),
        null,
      ],
      [
        '42',
        '[S] Deal',
        'owner:6',
        'open',
        'C6:PREPARATION',
        '1850000 RUB',
        utc('2024-07-02T13:38:32'),
        undefined,
        utc('2024-11-15T00:00'),
        utc('2024-09-02T08:00'),
        undefined,
        null,
      ],
    ]);
    expect(result.records.deals.map((d) => [d.pipelineId, d.probability, d.channel])).toEqual([
      ['6', 100, 'inbound'],
      ['2', 0, 'call'],
      ['0', 100, 'referral'],
      ['0', 0, 'event'],
      ['0', 10, undefined],
      ['6', 20, undefined],
    ]);
  });

  it('REST API columns without a preset or its detection: OPENED (Y/N) is still not the created date', async () => {
    const result = await importCsv(BITRIX24_API, { source: 'csv:crm', timeZone: 'UTC', preset: 'none' });
    expect(result.columns.createdAt).toBe('DATE_CREATE');
    expect(result.records.deals.map((d) => d.createdAt)).toEqual([
      utc('2024-09-02T16:37:18'),
      utc('2024-09-02T16:37:38'),
      utc('2024-04-09T21:11:01'),
      utc('2024-08-08T17:00:14'),
      utc('2024-05-08T07:38:23'),
      utc('2024-07-02T13:38:32'),
    ]);
  });

  it('reads STAGE_SEMANTIC_ID (S, F, P) as the status when it is exported', async () => {
    const csv = 'ID,TITLE,STAGE_ID,STAGE_SEMANTIC_ID,OPPORTUNITY,CURRENCY_ID\n1,A,UC_X1,S,10.00,RUB\n2,B,UC_X2,F,20.00,RUB\n3,C,UC_X3,P,30.00,RUB\n';
    const result = await both(csv, 'bitrix24');
    expect(result.records.deals.map((d) => d.status)).toEqual(['won', 'lost', 'open']);
  });

  it('REST API leads and activities: status, type and direction codes', async () => {
    const leads = await both(BITRIX24_API_LEADS, 'bitrix24', { timeZone: 'Europe/Moscow' });
    expect(leads.records.leads.map((l: Lead) => [l.externalId, l.name, l.ownerId, l.status, l.createdAt, l.updatedAt, l.channel])).toEqual([
      ['101', 'Заявка с сайта', 'owner:1', 'converted', utc('2024-06-01T07:00'), utc('2024-06-03T09:00'), 'inbound'],
      ['102', 'Звонок', 'owner:1', 'disqualified', utc('2024-06-02T08:30'), utc('2024-06-02T09:00'), 'call'],
      ['103', 'Форма', 'owner:6', 'open', utc('2024-06-04T06:00'), utc('2024-06-04T06:00'), 'inbound'],
    ]);
    const activities = await both(BITRIX24_API_ACTIVITIES, 'bitrix24');
    expect(
      activities.records.activities.map((a: Activity) => [a.externalId, a.type, a.direction, a.title, a.occurredAt, a.createdAt, a.done, a.ownerId]),
    ).toEqual([
      ['501', 'call', 'outbound', 'Первый звонок', utc('2024-09-03T08:00'), utc('2024-09-02T16:40'), true, 'owner:1'],
      ['502', 'meeting', undefined, 'Встреча в офисе', utc('2024-09-05T13:00'), utc('2024-09-03T10:00'), false, 'owner:1'],
      ['503', 'email', 'inbound', 'Коммерческое предложение', utc('2024-09-04T07:05'), utc('2024-09-04T07:00'), true, 'owner:6'],
    ]);
  });
});

describe('Salesforce', () => {
  it('report with Total Amount and Total Amount Currency: amounts, currencies, US dates, last activity', async () => {
    const result = await both(SALESFORCE_REPORT, 'salesforce');
    expect(result.columns).toMatchObject({ amount: 'Total Amount', currency: 'Total Amount Currency', lastActivityAt: 'Last Activity', id: 'Opportunity ID' });
    expect(result.records.deals.map(deal)).toEqual([
      [
        '0066g00000AbCdE',
        'United Oil Plant Standby Generators',
        'owner:jane roe',
        'won',
        'Closed Won',
        '1250000 USD',
        utc('2017-03-02T00:00'),
        utc('2017-06-30T00:00'),
        undefined,
        1,
        utc('2017-06-28T00:00'),
        'account:united oil & gas corp.',
      ],
      [
        '0066g00000AbCdF',
        'Burlington Tower',
        'owner:jane roe',
        'lost',
        'Closed Lost',
        '800000 EUR',
        utc('2017-05-16T00:00'),
        utc('2017-06-15T00:00'),
        undefined,
        1,
        undefined,
        'account:burlington textiles',
      ],
      [
        '0066g00000AbCdG',
        'Edge SLA',
        'owner:tim moe',
        'open',
        'Negotiation/Review',
        '6000000 USD',
        utc('2017-06-05T00:00'),
        undefined,
        utc('2017-07-20T00:00'),
        1,
        utc('2017-07-01T00:00'),
        'account:edge communications',
      ],
    ]);
    expect(result.formats.map((format) => [format.header, format.reading, format.basis])).toEqual([
      ['Total Amount', '.', 'values'],
      ['Close Date', 'mdy', 'values'], // 6/30/2017: no month 30
      ['Created Date', 'mdy', 'values'], // 5/16/2017
      ['Last Activity', 'mdy', 'values'], // 6/28/2017
    ]);
  });

  it("dates whose values leave the order open: Salesforce's en-US when the preset is named, a question when only detected", async () => {
    const csv = '"Opportunity Name","Stage","Amount","Close Date","Opportunity Owner"\n"A","Prospecting","100.00","5/6/2017","Jane Roe"\n';
    await expect(importCsv(csv, { source: 'csv:crm', timeZone: 'UTC' })).rejects.toThrow(FormatError);
    const named = await importCsv(csv, { source: 'csv:crm', timeZone: 'UTC', preset: 'salesforce' });
    expect(named.records.deals[0]?.expectedCloseAt).toBe(utc('2017-05-06T00:00'));
    expect(named.formats[1]).toMatchObject({ reading: 'mdy', basis: 'locale', from: 'Salesforce, English headers (en-US)' });
  });
});

describe('Pipedrive', () => {
  it('deal export: status apart from the stage, its own times, and Deal - Last activity date', async () => {
    const result = await both(PIPEDRIVE_DEALS, 'pipedrive');
    expect(result.records.deals.map(deal)).toEqual([
      [
        '201',
        'Acme renewal',
        'owner:ann lee',
        'won',
        'Negotiation',
        '1250000 EUR',
        utc('2024-04-02T09:15'),
        utc('2024-06-12T16:40'),
        utc('2024-06-30T00:00'),
        utc('2024-06-12T16:41'),
        utc('2024-06-10T00:00'),
        'account:acme ltd',
      ],
      [
        '202',
        'Beta pilot',
        'owner:bob stone',
        'open',
        'Proposal made',
        '80050 USD',
        utc('2024-04-10T10:00'),
        undefined,
        utc('2024-07-31T00:00'),
        utc('2024-06-20T11:00'),
        utc('2024-06-25T00:00'),
        'account:beta inc',
      ],
      [
        '203',
        'Gamma trial',
        'owner:bob stone',
        'open',
        'Qualified',
        '300000 USD',
        utc('2024-03-01T08:00'),
        undefined,
        utc('2024-07-15T00:00'),
        utc('2024-03-02T08:00'),
        utc('2024-05-20T00:00'),
        'account:gamma gmbh',
      ],
      [
        '204',
        'Delta',
        'owner:bob stone',
        'lost',
        'Qualified',
        '45000 USD',
        utc('2024-02-01T08:00'),
        utc('2024-05-02T09:00'),
        utc('2024-05-31T00:00'),
        utc('2024-05-02T09:00'),
        undefined,
        null,
      ],
    ]);
    expect(result.records.deals.map((d) => [d.probability, d.lostReason])).toEqual([
      [undefined, undefined],
      [50, undefined],
      [30, undefined],
      [undefined, 'Price'],
    ]);
  });

  it('judges idle deals by the last activity date the export gives', async () => {
    const { records } = await importCsv(PIPEDRIVE_DEALS, { source: 'csv:crm', timeZone: 'UTC' });
    const empty = { teams: [], pipelines: [], stages: [], mrrMovements: [], spend: [], quotas: [], targets: [] };
    const data = { ...empty, ...records } as KpiData;
    const calendar = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
    const { staleDeals: stale } = computeKpis(data, {
      kpis: ['staleDeals'],
      period: parsePeriodSpec('2024-06', calendar),
      asOf: utc('2024-07-01T12:00'),
      scope: { ownerIds: 'all' },
      calendar,
      currency: { reporting: 'USD', rates: {} },
      settings: { demoKeywords: [], staleDays: 14 },
    });
    // June has ended by asOf, so idle time is measured at the period's last instant (2024-06-30 23:59:59.999).
    // Beta pilot: last activity 2024-06-25, 6 days before then: not idle (created 81 days before, which alone would make it so).
    // Gamma trial: last activity 2024-05-20, 41.99 days before then: idle.
    expect(stale?.status === 'ok' && stale.breakdown?.map((row) => [row.label, Math.floor(row.value)])).toEqual([['Gamma trial', 41]]);
  });
});

describe('HubSpot', () => {
  it('deal export: property labels, 7800.0 amounts, last activity; amounts naming no currency are unknown', async () => {
    const result = await both(HUBSPOT_DEALS, 'hubspot');
    expect(result.records.deals.map(deal)).toEqual([
      [
        '10676775052',
        'Serengeti – Smith Jun',
        'owner:carter mckay',
        'won',
        'Closed Won',
        '780000 XXX',
        utc('2024-05-01T09:00'),
        utc('2024-06-15T20:09'),
        undefined,
        utc('2024-06-15T20:10'),
        utc('2024-06-14T09:30'),
        'account:smith travel',
      ],
      [
        '10676775053',
        'Kruger – Jones',
        'owner:carter mckay',
        'open',
        'Itinerary Sent',
        '420000 XXX',
        utc('2024-06-02T10:30'),
        undefined,
        utc('2024-07-31T00:00'),
        utc('2024-06-20T16:05'),
        utc('2024-06-20T16:00'),
        null,
      ],
      [
        '10676775054',
        'Etosha – Brown',
        'unassigned',
        'lost',
        'Closed Lost',
        undefined,
        utc('2024-04-12T08:00'),
        utc('2024-06-20T12:00'),
        undefined,
        utc('2024-06-20T12:00'),
        undefined,
        null,
      ],
    ]);
    expect(result.currencies).toEqual([{ source: 'unknown', currency: 'XXX', count: 2 }]);
  });
});
