import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { detectPreset } from './presets';
import { localDateToInstant } from '../period/local-date';

const UTC = { source: 'csv:test', timeZone: 'UTC', importedAt: 1 };
const MSK = { source: 'csv:test', timeZone: 'Europe/Moscow', importedAt: 1 };
const day = (date: string, zone = 'UTC') => localDateToInstant(date, zone);

describe('CRM export presets', () => {
  it('Pipedrive deals: status column with its own won/lost times; deleted deals rejected', async () => {
    const csv = [
      '"Deal - ID","Deal - Title","Deal - Owner","Deal - Value","Deal - Currency of Value","Deal - Stage","Deal - Status","Deal - Deal created","Deal - Won time","Deal - Lost time","Deal - Expected close date","Deal - Organization","Deal - Probability","Deal - Source channel"',
      '101,"Acme renewal","Ann Lee","12,500.00",EUR,"Closed Won",Won,"2017-03-01 09:15:00","2017-06-12 16:40:00",,,"Acme Ltd",,"Referral"',
      '102,"Beta pilot","Bob Stone",800,USD,Negotiation,Lost,"2017-04-02 10:00:00",,"2017-06-20 11:00:00",,Beta,,',
      '103,"Gamma","Ann Lee",300,USD,"Closed Won",Open,"2017-05-05 08:00:00",,,2017-07-31,Gamma,60,"Web forms"',
      '104,"Old","Ann Lee",100,USD,Lead,Deleted,"2017-01-05 08:00:00",,,,,,',
    ].join('\n');
    const result = await importCsv(csv, UTC);
    expect([result.preset, result.kind]).toEqual(['pipedrive', 'deals']);
    const [won, lost, open] = result.records.deals;
    expect(won).toMatchObject({
      externalId: '101',
      status: 'won',
      closedAt: Date.UTC(2017, 5, 12, 16, 40),
      amount: { minor: 1250000, currency: 'EUR' },
      channel: 'referral',
    });
    expect(lost).toMatchObject({ status: 'lost', closedAt: Date.UTC(2017, 5, 20, 11) });
    // Status "Open" wins over a stage named "Closed Won": stage names are not read when a status column exists.
    expect(open).toMatchObject({ status: 'open', expectedCloseAt: day('2017-07-31'), probability: 60, channel: 'inbound' });
    expect(result.rejects).toEqual([{ line: 5, reason: 'the deal is deleted in the CRM (status "Deleted")', code: 'deleted' }]);
  });

  it('HubSpot deals: every cell quoted, stage-based won/lost, fractions for probability, local datetimes', async () => {
    const csv = [
      '"Record ID","Deal Name","Deal Stage","Amount","Close Date","Create Date","Deal owner","Deal probability","Pipeline","Associated Company"',
      '"10676775052","Serengeti – Smith Jun","Closed Won","7800.0","2023-11-15 20:09","2023-10-01 09:00","Carter McKay","1.0","Safari Enquiries","Smith Travel"',
      '"10676775053","Kruger – Jones","Itinerary Sent","4200.0","2023-12-31 00:00","2023-11-02 10:30","Carter McKay","0.2","Safari Enquiries",""',
      '"10676775054","Etosha – Brown","Closed Lost","","2023-11-20 12:00","2023-09-12 08:00","","","Safari Enquiries",""',
    ].join('\n');
    const result = await importCsv(csv, MSK);
    expect(result.preset).toBe('hubspot');
    const [won, open, lost] = result.records.deals;
    expect(won).toMatchObject({ status: 'won', closedAt: Date.UTC(2023, 10, 15, 17, 9), probability: 100, amount: { minor: 780000 } }); // 20:09 MSK = 17:09 UTC
    expect(open).toMatchObject({ status: 'open', expectedCloseAt: Date.UTC(2023, 11, 30, 21), probability: 20 });
    expect(open?.closedAt).toBeUndefined(); // the Close Date of an open deal is its forecast
    expect(lost).toMatchObject({ status: 'lost', ownerId: 'unassigned' });
    expect(result.warnings.map((w) => w.code)).toContain('unassigned-owner');
  });

  it('Salesforce opportunity report: Won/Closed flags, US dates, dollar amounts', async () => {
    const csv = [
      'Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Probability (%),Close Date,Created Date,Won,Closed,Lead Source',
      'Jane Roe,United Oil,United Oil Plant,Closed Won,"$12,500.00",100%,6/30/2017,3/2/2017,1,1,Trade Show',
      'Jane Roe,Burlington,Burlington Tower,Closed Lost,"$8,000.00",0%,6/15/2017,2/1/2017,0,1,Cold Call',
      'Tim Moe,Edge,Edge SLA,Negotiation/Review,"$60,000.00",90%,7/20/2017,5/1/2017,0,0,Web',
    ].join('\n');
    const result = await importCsv(csv, UTC);
    expect(result.preset).toBe('salesforce');
    expect(result.records.deals.map((d) => [d.status, d.closedAt ?? d.expectedCloseAt, d.amount?.minor, d.channel])).toEqual([
      ['won', day('2017-06-30'), 1250000, 'event'],
      ['lost', day('2017-06-15'), 800000, 'call'],
      ['open', day('2017-07-20'), 6000000, 'inbound'],
    ]);
    expect(result.records.customers.map((c) => c.name)).toEqual(['United Oil', 'Burlington', 'Edge']);
    expect(result.records.customers[0]?.acquiredAt).toBe(day('2017-06-30'));
  });

  it('amoCRM (Russian, semicolons): the "status" is the stage; ruble budgets from the header sign', async () => {
    const csv = [
      'ID;Название сделки;Бюджет ₽;Ответственный;Статус;Воронка;Дата создания;Дата закрытия;Компания',
      '5001;Поставка станков;150 000,50;Иван Петров;Успешно реализовано;Продажи;05.03.2017 14:20:00;20.06.2017 18:00:00;ООО Ромашка',
      '5002;Сервис;12 000;Иван Петров;Закрыто и не реализовано;Продажи;06.03.2017 10:00:00;21.06.2017 10:00:00;',
      '5003;Аренда;9 900;Мария Иванова;Переговоры;Продажи;07.03.2017 10:00:00;;ООО Ромашка',
    ].join('\n');
    const result = await importCsv(csv, MSK);
    expect([result.preset, result.delimiter]).toEqual(['amocrm', ';']);
    expect(result.records.deals.map((d) => [d.status, d.amount])).toEqual([
      ['won', { minor: 15000050, currency: 'RUB' }],
      ['lost', { minor: 1200000, currency: 'RUB' }],
      ['open', { minor: 990000, currency: 'RUB' }],
    ]);
    expect(result.records.deals[0]?.closedAt).toBe(Date.UTC(2017, 5, 20, 15)); // 18:00 MSK
    expect(result.records.owners.map((o) => o.name)).toEqual(['Иван Петров', 'Мария Иванова']);
    expect(result.records.customers).toHaveLength(1);
  });

  it('Bitrix24 (BOM, CRLF, semicolons): final stages and the Закрыта flag', async () => {
    const csv = [
      '\ufeffID;Название сделки;Стадия сделки;Сумма;Валюта;Ответственный;Дата создания;Дата завершения;Закрыта;Компания',
      '11;Сайт под ключ;Сделка успешна;250 000;Российский рубль;Ольга Смирнова;01.02.2017;15.06.2017;Да;ИП Сидоров',
      '12;Лендинг;Сделка провалена;40000;RUB;Ольга Смирнова;02.02.2017;16.06.2017;Да;',
      '13;Поддержка;Оплачено;30000;RUB;Ольга Смирнова;03.02.2017;17.06.2017;Да;',
      '14;Редизайн;В работе;90000;RUB;Пётр Ёлкин;04.02.2017;30.07.2017;Нет;',
    ].join('\r\n');
    const result = await importCsv(csv, MSK);
    expect(result.preset).toBe('bitrix24');
    expect(result.records.deals.map((d) => d.status)).toEqual(['won', 'lost', 'lost', 'open']);
    expect(result.records.deals[0]).toMatchObject({ amount: { minor: 25000000, currency: 'RUB' }, closedAt: day('2017-06-15', 'Europe/Moscow') });
    expect(result.records.deals[3]?.expectedCloseAt).toBe(day('2017-07-30', 'Europe/Moscow'));
    // A closed deal in a stage not known as won is read as lost, and the file says which stage to map.
    expect(result.warnings.find((w) => w.code === 'closed-unknown-outcome')).toMatchObject({ count: 1, examples: ['Оплачено'] });
  });

  it('Pipedrive activities: type, due date + due time, done, duration', async () => {
    const csv = [
      'Activity - ID,Activity - Type,Activity - Subject,Activity - Due date,Activity - Due time,Activity - Done,Activity - Assigned to user,Activity - Duration,Activity - Deal ID',
      '9001,Call,Intro call,2017-06-05,14:30,Done,Ann Lee,00:15,101',
      '9002,Meeting,Product demo,2017-06-06,,To do,Ann Lee,01:00,',
      '9003,Demo,Trial kickoff,2017-06-07,09:00,Done,Bob Stone,,',
    ].join('\n');
    const result = await importCsv(csv, UTC);
    expect([result.preset, result.kind]).toEqual(['pipedrive', 'activities']);
    expect(result.records.activities.map((a) => [a.type, a.occurredAt, a.done, a.durationSec, a.subtype, a.dealId])).toEqual([
      ['call', Date.UTC(2017, 5, 5, 14, 30), true, 900, 'Call', '101'],
      ['meeting', Date.UTC(2017, 5, 6), false, 3600, 'Meeting', undefined],
      ['meeting', Date.UTC(2017, 5, 7, 9), true, undefined, 'demo', undefined],
    ]);
  });

  it('Bitrix24 activities (Дела): Russian types and directions', async () => {
    const csv =
      'ID;Тип;Тема;Направление;Ответственный;Срок;Дата создания;Выполнено\n1;Звонок;Первый звонок;Исходящий;Ольга Смирнова;05.06.2017 10:00;01.06.2017;Да\n2;Встреча;Демо;Входящий;Ольга Смирнова;06.06.2017 12:00;02.06.2017;Нет\n';
    const result = await importCsv(csv, MSK);
    expect([result.preset, result.kind]).toEqual(['bitrix24', 'activities']);
    expect(result.records.activities.map((a) => [a.type, a.direction, a.done])).toEqual([
      ['call', 'outbound', true],
      ['meeting', 'inbound', false],
    ]);
  });

  it('HubSpot calls export (no type column): every row is a call, durations in ms', async () => {
    const csv =
      '"Record ID","Activity date","Call title","Call direction","Call duration","Activity assigned to","Call status"\n"1","2023-11-15 10:00","Intro","Outbound","90000","Carter McKay","Completed"\n';
    const result = await importCsv(csv, UTC);
    expect(result.records.activities[0]).toMatchObject({ type: 'call', direction: 'outbound', durationSec: 90, done: true });
  });

  it('HubSpot contacts as leads: lifecycle dates, conversion', async () => {
    const csv = [
      'Record ID,First Name,Last Name,Contact owner,Create Date,Lifecycle Stage,Lead Status,Became a Marketing Qualified Lead Date,Became a Sales Qualified Lead Date,Became an Opportunity Date,Original Traffic Source',
      '1,Ann,Smith,Carter McKay,2023-10-01 09:00,Opportunity,Connected,2023-10-03 10:00,2023-10-05 10:00,2023-10-09 10:00,Paid Social',
      '2,Bob,,Carter McKay,2023-10-02 09:00,Lead,Unqualified,,,,Organic Search',
      '3,Cy,Jones,,2023-10-04 09:00,Marketing Qualified Lead,Open,2023-10-06 09:00,,,Direct Traffic',
    ].join('\n');
    const result = await importCsv(csv, UTC);
    expect([result.preset, result.kind]).toEqual(['hubspot', 'leads']);
    expect(result.records.leads.map((l) => [l.name, l.status, l.channel, l.mqlAt !== undefined, l.sqlAt !== undefined])).toEqual([
      ['Ann Smith', 'converted', 'social', true, true],
      ['Bob', 'disqualified', 'inbound', false, false],
      ['Cy Jones', 'open', 'inbound', true, false],
    ]);
    expect(result.records.leads[0]?.convertedAt).toBe(Date.UTC(2023, 9, 9, 10));
  });

  it('Bitrix24 and Salesforce leads: statuses in both languages', async () => {
    const ru = await importCsv(
      'ID;Название лида;Статус;Ответственный;Дата создания;Источник\n1;Заявка с сайта;Качественный лид;Ольга;01.06.2017;Сайт\n2;Звонок;Некачественный лид;Ольга;02.06.2017;Звонок\n',
      MSK,
    );
    expect([ru.preset, ru.kind, ru.records.leads.map((l) => l.status)]).toEqual(['bitrix24', 'leads', ['converted', 'disqualified']]);
    const en = await importCsv(
      'Lead ID,First Name,Last Name,Lead Owner,Created Date,Lead Status,Converted Date,Lead Source\n00Q1,Ann,Lee,Jane Roe,6/1/2017,Closed - Converted,6/20/2017,Web\n00Q2,Bo,Li,Jane Roe,6/2/2017,Working - Contacted,,Partner Referral\n',
      UTC,
    );
    expect([en.preset, en.records.leads.map((l) => [l.status, l.convertedAt, l.channel])]).toEqual([
      'salesforce',
      [
        ['converted', day('2017-06-20'), 'inbound'],
        ['open', undefined, 'referral'],
      ],
    ]);
  });
});

describe('detectPreset', () => {
  it('names no CRM for a generic export or for headers shared by two CRMs', () => {
    expect(detectPreset(['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'])).toBeNull();
    expect(detectPreset(['ID', 'Название сделки', 'Ответственный', 'Дата создания', 'Компания'])).toBeNull();
    expect(detectPreset(['Deal - Title', 'Deal - Value', 'Deal - Status'])).toMatchObject({ preset: { id: 'pipedrive' }, kind: 'deals', matched: 3 });
  });
});
