import { describe, expect, it } from 'vitest';
import * as H from '../../../test/contracts/hubspot';
import type { FetchedPage } from '../types';
import { hubspotAdapter } from './index';

const list = (results: ReturnType<typeof H.crmObject>[]) => H.wire.list({ results });

async function page(object: string, routes: Parameters<typeof H.hsFetch>[0], overrides = {}): Promise<FetchedPage> {
  return hubspotAdapter.fetchPage(H.hsContext(H.hsFetch(routes), overrides), object, null, null);
}

describe('HubSpot objects (typed as @hubspot/api-client models) → canonical records', () => {
  it('deals: status from hs_is_closed_won / hs_is_closed, amounts in cents, company and line items from associations', async () => {
    const { records, rejects } = await page('deals', {
      'GET /crm/v3/objects/deals': () => list([H.DEAL_WON, H.DEAL_LOST, H.DEAL_OPEN]),
      'POST /crm/v4/associations/deals/companies/batch/read': () => H.wire.associations(H.associationsOf({ '9001': ['4001'] })),
      'POST /crm/v4/associations/deals/line_items/batch/read': () => H.wire.associations(H.associationsOf({ '9001': ['8001', '8002'] })),
      'POST /crm/v3/objects/line_items/batch/read': () => H.wire.lineItems(H.LINE_ITEMS),
    });
    expect(rejects).toEqual([]);
    const [won, lost, open] = records.deal ?? [];
    expect([won?.status, lost?.status, open?.status]).toEqual(['won', 'lost', 'open']);
    expect(won?.amount).toEqual({ minor: 1250050, currency: 'EUR' }); // 12,500.50 EUR
    expect(won?.convertedAmount).toEqual({ minor: 1360055, currency: 'USD' }); // amount_in_home_currency in the company currency
    expect(lost?.amount).toEqual({ minor: 300000, currency: 'USD' }); // no deal currency → the account's
    expect(open?.amount).toBeUndefined();
    expect([won?.closedAt, won?.expectedCloseAt]).toEqual([Date.parse('2024-02-28T15:00:00Z'), undefined]);
    expect([open?.closedAt, open?.expectedCloseAt]).toEqual([undefined, Date.parse('2024-04-30T00:00:00Z')]);
    expect([open?.probability, won?.probability]).toEqual([20, 100]); // 0.2 × 100, 1 × 100
    expect([lost?.lostReason, lost?.channel, won?.channel]).toEqual(['Went with a competitor', 'referral', 'inbound']);
    expect([won?.customerId, won?.stageId, won?.pipelineId, won?.ownerId]).toEqual(['4001', 'closedwon', 'default', '501']);
    expect(won?.url).toBe('https://app.hubspot.com/contacts/1234567/deal/9001');
    expect(won?.lineItems).toEqual([
      { productId: '1201', name: 'Seats', quantity: 10, unitPrice: { minor: 90000, currency: 'EUR' } }, // amount 9,000 / 10 = 900.00 (discounted from 1,000)
      { name: 'Onboarding', quantity: 1, unitPrice: { minor: 350050, currency: 'EUR' } }, // no amount: price 3,500.50 in the deal's currency
    ]);
  });

  it('calls, emails and meetings, with their deal from associations', async () => {
    const assoc = () => H.wire.associations(H.associationsOf({ '7001': ['9003'] }));
    const calls = await page('calls', { 'GET /crm/v3/objects/calls': () => list([H.CALL]), 'POST /crm/v4/associations/calls/deals/batch/read': assoc });
    expect(calls.records.activity?.[0]).toMatchObject({
      type: 'call',
      direction: 'outbound',
      durationSec: 185,
      done: true,
      dealId: '9003',
      occurredAt: Date.parse('2024-03-04T15:00:00Z'),
    }); // 185,000 ms
    const emails = await page('emails', { 'GET /crm/v3/objects/emails': () => list([H.EMAIL]) });
    expect(emails.records.activity?.[0]).toMatchObject({ type: 'email', direction: 'inbound', email: { opened: false }, title: 'Re: proposal' });
    const meetings = await page('meetings', { 'GET /crm/v3/objects/meetings': () => list([H.MEETING]) });
    expect(meetings.records.activity?.[0]).toMatchObject({
      type: 'meeting',
      subtype: 'demo',
      durationSec: 1800,
      done: true,
      createdAt: Date.parse('2024-02-27T10:00:00Z'),
    }); // 30 min
  });

  it('contacts → leads with lifecycle dates; companies → customers', async () => {
    const leads = await page('contacts', { 'GET /crm/v3/objects/contacts': () => list([H.CONTACT]) });
    expect(leads.records.lead?.[0]).toMatchObject({
      name: 'Pat Doe',
      status: 'converted',
      createdAt: Date.parse('2024-01-10T10:00:00Z'),
      mqlAt: Date.parse('2024-01-12T10:00:00Z'),
      sqlAt: Date.parse('2024-01-20T10:00:00Z'),
      convertedAt: Date.parse('2024-02-20T08:00:00Z'),
      convertedCustomerId: '4001',
      channel: 'social',
      region: 'Texas',
    });
    const customers = await page('companies', { 'GET /crm/v3/objects/companies': () => list([H.COMPANY]) });
    expect(customers.records.customer?.[0]).toMatchObject({
      name: 'Initech',
      country: 'United States',
      region: 'Texas',
      url: 'https://app.hubspot.com/contacts/1234567/company/4001',
    });
  });

  it('owners with their teams, pipelines with stage probabilities, goals as quotas', async () => {
    const owners = await page('owners', { 'GET /crm/v3/owners': () => H.wire.owners({ results: [H.OWNER] }) });
    expect(owners.records.owner?.[0]).toMatchObject({ externalId: '501', name: 'Alex Rep', teamId: '77', active: true });
    expect(owners.records.team?.[0]).toMatchObject({ externalId: '77', name: 'West' });
    const pipelines = await page('pipelines', { 'GET /crm/v3/pipelines/deals': () => H.wire.pipelines(H.PIPELINES) });
    expect(pipelines.records.pipeline?.map((p) => p.name)).toEqual(['Sales Pipeline']);
    expect(pipelines.records.stage?.map((s) => [s.externalId, s.probability, s.order])).toEqual([
      ['appointmentscheduled', 20, 0],
      ['closedwon', 100, 5],
    ]);
    const goals = await page('goals', {
      'GET /crm/v3/objects/goal_targets': () => list([H.GOAL]),
      'GET /crm/v3/owners': () => H.wire.owners({ results: [H.OWNER] }),
    });
    // ends 2024-03-31T23:59:59.999Z → exclusive end 2024-04-01; user 88001 is owner 501
    expect(goals.records.quota?.[0]).toMatchObject({
      ownerId: '501',
      periodKind: 'quarter',
      startDate: '2024-01-01',
      endDate: '2024-04-01',
      amount: { minor: 5_000_000, currency: 'USD' },
    });
  });

  it('rejects what it cannot read, with the reason, and keeps the rest', async () => {
    const noOwner = H.crmObject('9004', { ...H.DEAL_OPEN.properties, hubspot_owner_id: '' });
    const badAmount = H.crmObject('9005', { ...H.DEAL_WON.properties, amount: 'twelve' });
    const closedUnknown = H.crmObject('9006', { ...H.DEAL_LOST.properties, hs_is_closed_won: null });
    const { records, rejects } = await page('deals', { 'GET /crm/v3/objects/deals': () => list([H.DEAL_OPEN, noOwner, badAmount, closedUnknown]) });
    expect(records.deal?.map((d) => d.externalId)).toEqual(['9003']);
    expect(rejects.map((r) => [r.externalId, r.reason.split(' ').slice(0, 4).join(' ')])).toEqual([
      ['9004', 'the deal has no'],
      ['9005', 'the amount "twelve" is'],
      ['9006', 'a closed deal without'],
    ]);
  });
});
