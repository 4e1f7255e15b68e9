import { describe, expect, it } from 'vitest';
import * as F from '../../../test/contracts/salesforce';
import { salesforceAdapter } from './index';
import type { FetchedPage } from '../types';

/** One page of an object answered with the given records. */
async function page(object: string, records: unknown[], overrides = {}): Promise<FetchedPage> {
  const fetch = F.sfFetch(() => F.limitResponse(F.queryResult(records)));
  return salesforceAdapter.fetchPage(F.sfContext(fetch, overrides), object, null, null);
}
/** Midnight in Los Angeles: UTC−8 in winter, UTC−7 from the second Sunday of March. */
const la = (date: string, offset = '-08:00') => Date.parse(`${date}T00:00:00${offset}`);

describe('Salesforce records (documented shapes) → canonical records', () => {
  it('opportunities: status from IsWon/IsClosed, amounts in cents, CloseDate as close or expected date, line items', async () => {
    const { records, rejects } = await page('opportunities', [F.OPP_WON, F.OPP_LOST, F.OPP_OPEN]);
    expect(rejects).toEqual([]);
    const [won, lost, open] = records.deal ?? [];
    expect([won?.status, lost?.status, open?.status]).toEqual(['won', 'lost', 'open']);
    expect(won?.amount).toEqual({ minor: 4800050, currency: 'USD' }); // 48,000.50 → 4,800,050 cents
    expect(won?.closedAt).toBe(la('2024-02-29'));
    expect(won?.expectedCloseAt).toBeUndefined();
    expect(open?.expectedCloseAt).toBe(la('2024-04-15', '-07:00')); // after the DST change
    expect(open?.closedAt).toBeUndefined();
    expect(open?.amount).toBeUndefined(); // Amount null: no value, not zero
    expect([won?.channel, won?.channelRaw, lost?.channel]).toEqual(['referral', 'Partner Referral', 'inbound']);
    expect([won?.stageId, won?.pipelineId, won?.customerId, won?.probability]).toEqual(['Closed Won', 'opportunities', '0015e00000XyZabAAB', 100]);
    expect(won?.createdAt).toBe(Date.parse('2024-01-10T17:03:00Z'));
    expect(won?.updatedAt).toBe(Date.parse('2024-03-01T09:15:22Z'));
    expect(won?.url).toBe(`${F.LIGHTNING}/lightning/r/Opportunity/0065e00000AbCdEAAV/view`);
    expect(won?.lineItems).toEqual([
      { productId: '01t5e000001AAAAAA1', name: 'Seat licence', quantity: 200, unitPrice: { minor: 21600, currency: 'USD' } }, // 43,200 / 200 = 216.00 (discounted from 240)
      { productId: '01t5e000001AAAAAA2', name: 'Onboarding', quantity: 1, unitPrice: { minor: 480050, currency: 'USD' } }, // 4,800.50
    ]);
  });

  it('multi-currency orgs take each record’s CurrencyIsoCode; an unknown org currency rejects instead of guessing', async () => {
    const eur = { ...F.OPP_LOST, CurrencyIsoCode: 'EUR' };
    const multi = await page('opportunities', [eur], { multiCurrency: true });
    expect(multi.records.deal?.[0]?.amount).toEqual({ minor: 1200000, currency: 'EUR' });
    const unknown = await page('opportunities', [F.OPP_LOST], { currency: undefined });
    expect(unknown.rejects[0]?.reason).toMatch(/org currency/);
  });

  it('tasks: calls with direction and duration, open tasks at their due date; WhatId 006 is a deal, WhoId 00Q a lead', async () => {
    const { records } = await page('tasks', [F.TASK_CALL, F.TASK_OPEN]);
    const [call, todo] = records.activity ?? [];
    expect([call?.type, call?.direction, call?.durationSec, call?.done, call?.subtype]).toEqual(['call', 'outbound', 312, true, 'call']);
    expect(call?.occurredAt).toBe(Date.parse('2024-03-04T18:30:00Z'));
    expect([call?.dealId, call?.leadId, call?.customerId]).toEqual(['0065e00000AbCdGAAV', '00Q5e000001LeAdAAA', '0015e00000XyZacAAB']);
    expect([todo?.type, todo?.done, todo?.dealId]).toEqual(['task', false, undefined]); // WhatId is an Account (001)
    expect(todo?.occurredAt).toBe(la('2024-03-12', '-07:00'));
  });

  it('events: meetings; a demo in the subject makes the subtype demo', async () => {
    const { records } = await page('events', [F.EVENT_DEMO]);
    const demo = records.activity?.[0];
    expect([demo?.type, demo?.subtype, demo?.durationSec, demo?.occurredAt]).toEqual(['meeting', 'demo', 2700, Date.parse('2024-03-07T17:00:00Z')]); // 45 min × 60
  });

  it('leads: converted with date and ids; "Closed - Not Converted" is disqualified', async () => {
    const { records } = await page('leads', [F.LEAD_CONVERTED, F.LEAD_DEAD]);
    const [won, dead] = records.lead ?? [];
    expect([won?.status, won?.convertedAt, won?.convertedDealId, won?.region, won?.channel]).toEqual([
      'converted',
      la('2024-02-01'),
      '0065e00000AbCdGAAV',
      'CA',
      'inbound',
    ]);
    expect([dead?.status, dead?.region, dead?.ownerId, dead?.channel]).toEqual(['disqualified', 'Germany', '00G5e000000QueUEAA', 'other']);
  });

  it('accounts, users, roles, stages, products and quotas', async () => {
    expect((await page('accounts', [F.ACCOUNT])).records.customer?.[0]).toMatchObject({ name: 'Initech', country: 'United States', region: 'Texas' });
    expect((await page('users', [F.USER])).records.owner?.[0]).toMatchObject({
      name: 'Alex Rep',
      email: 'alex@acme.example',
      teamId: '00E5e000000RoLeAAA',
      active: true,
    });
    expect((await page('roles', [F.ROLE])).records.team?.[0]).toMatchObject({ externalId: '00E5e000000RoLeAAA', name: 'West Sales' });
    const stages = await page('stages', [F.STAGE]);
    expect(stages.records.stage?.[0]).toMatchObject({ externalId: 'Proposal/Price Quote', pipelineId: 'opportunities', order: 6, probability: 75 });
    expect(stages.records.pipeline?.[0]).toMatchObject({ externalId: 'opportunities', name: 'Opportunities' });
    expect((await page('products', [F.PRODUCT])).records.product?.[0]).toMatchObject({ name: 'Seat licence', code: 'SEAT', category: 'Licences' });
    const monthly = (await page('quotas', [F.QUOTA])).records.quota?.[0];
    expect(monthly).toMatchObject({
      ownerId: '0055e000001AbCdAAK',
      periodKind: 'month',
      startDate: '2024-01-01',
      endDate: '2024-02-01',
      amount: { minor: 15000000, currency: 'USD' },
    });
    const quarterly = (await page('quotas', [F.QUOTA], { forecastPeriod: 'quarter' })).records.quota?.[0];
    expect([quarterly?.periodKind, quarterly?.endDate]).toEqual(['quarter', '2024-04-01']);
  });

  it('an opportunity whose line items did not all come back is kept, with a reject saying so', async () => {
    const many = { ...F.OPP_WON, OpportunityLineItems: { ...(F.OPP_WON.OpportunityLineItems as object), totalSize: 250, done: false } };
    const { records, rejects } = await page('opportunities', [many]);
    expect(records.deal?.[0]?.lineItems).toHaveLength(2);
    expect(rejects.map((r) => [r.externalId, r.reason])).toEqual([
      ['0065e00000AbCdEAAV', 'only 2 of 250 line items were read; product revenue of this opportunity is incomplete'],
    ]);
  });

  it('a malformed record is rejected with its reason; the rest of the page is kept', async () => {
    const broken = { ...F.OPP_WON, Id: '0065e00000AbCdHAAV', IsWon: 'yes' };
    const { records, rejects } = await page('opportunities', [F.OPP_LOST, broken, F.OPP_OPEN]);
    expect(records.deal?.map((d) => d.externalId)).toEqual(['0065e00000AbCdFAAV', '0065e00000AbCdGAAV']);
    expect(rejects.map((r) => [r.externalId, r.recordType])).toEqual([['0065e00000AbCdHAAV', 'deal']]);
    expect(rejects[0]?.reason).toMatch(/IsWon/);
  });
});
