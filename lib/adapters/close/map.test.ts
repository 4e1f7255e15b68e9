import { describe, expect, it } from 'vitest';
import { mapItems } from '../map';
import {
  callItem,
  draftEmail,
  incomingEmail,
  LEAD_ID,
  leadItem,
  meetingItem,
  monthlyOpportunity,
  opportunity,
  outgoingEmail,
  pipelinesPage,
  usersPage,
  wonOpportunity,
} from './test-fixtures';
import { mapCall, mapEmail, mapMeeting } from './map-activities';
import { centsToMoney, closeTime } from './map-common';
import { mapOpportunity } from './map-deals';
import { mapLead, mapPipeline, mapUser } from './map-people';

const ctx = { source: 'close:app.close.com', appUrl: 'https://app.close.com', timeZone: 'America/New_York' };

describe('Close timestamps and money', () => {
  it.each([
    ['2013-02-01T00:54:51.321000+00:00', Date.UTC(2013, 1, 1, 0, 54, 51, 321)],
    ['2019-11-04T11:04:13.014979', Date.UTC(2019, 10, 4, 11, 4, 13, 14)], // no offset: Close means UTC
    ['2019-10-11T16:30:00+02:00', Date.UTC(2019, 9, 11, 14, 30)],
    ['2019-10-11', undefined],
    ['soon', undefined],
  ])('%s → %s', (text, ms) => {
    expect(closeTime(text)).toBe(ms);
  });

  it.each([
    [300000, 'USD', { minor: 300000, currency: 'USD' }], // $3,000.00 = 300 000 cents
    [50000, 'JPY', { minor: 500, currency: 'JPY' }], // 50 000 hundredths = ¥500, yen have no minor unit
    [1234, 'KWD', { minor: 12340, currency: 'KWD' }], // 12.34 KWD = 12 340 fils
    [-199, 'usd', { minor: -199, currency: 'USD' }],
  ])('%i cents of %s', (cents, currency, money) => {
    expect(centsToMoney(cents, currency)).toEqual(money);
  });

  it('says why an amount cannot be read', () => {
    expect(centsToMoney(100, null)).toMatch(/no ISO currency/);
    expect(centsToMoney(null, 'USD')).toBeUndefined();
  });
});

describe('mapOpportunity', () => {
  it('maps an active opportunity: status type, confidence as probability, the lead as customer', () => {
    const { records, rejects } = mapItems([opportunity()], (raw) => mapOpportunity(raw, ctx));
    expect(rejects).toEqual([]);
    expect(records.deal?.[0]).toEqual({
      source: 'close:app.close.com',
      externalId: 'oppo_KXyJj2PT74U1wOPvhBDO37jCC89mmrnoW0DylcDDWrL',
      updatedAt: Date.UTC(2013, 1, 1, 0, 54, 51, 321),
      url: 'https://app.close.com/lead/lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp/',
      title: 'Bluth Company (Sample Lead)',
      ownerId: 'user_N6KhMpzHRCYQHdn4gRNIFNN5JExnsrprKA6ekxM63XA',
      status: 'open',
      pipelineId: 'pipe_04fC628PVB0HjK2Qq5EqEf',
      stageId: 'stat_4ZdiZqcSIkoGVnNOyxiEY58eTGQmFNG3LPlEVQ4V7Nk',
      amount: { minor: 300000, currency: 'USD' }, // value 300000 cents = $3,000
      probability: 75,
      createdAt: Date.UTC(2013, 1, 1, 0, 54, 51, 321),
      customerId: 'lead_s6vHFTK1TSRoH6otXOexWDO9jM4xyb1kELHDoU7Fdsp',
      lineItems: [],
    });
  });

  it('closes a won opportunity on date_won, midnight in the rep zone', () => {
    const deal = mapItems([wonOpportunity], (raw) => mapOpportunity(raw, ctx)).records.deal?.[0];
    expect(deal).toMatchObject({ status: 'won', amount: { minor: 50000, currency: 'USD' }, customerId: LEAD_ID });
    expect(deal?.closedAt).toBe(Date.UTC(2013, 1, 20, 5)); // 2013-02-20 00:00 in New York (UTC−5)
    expect(deal?.expectedCloseAt).toBeUndefined();
  });

  it('turns recurring values into MRR and an active date_won into the expected close', () => {
    const [monthly, annual] =
      mapItems([monthlyOpportunity, opportunity({ value: 120001, value_period: 'annual' })], (raw) => mapOpportunity(raw, ctx)).records.deal ?? [];
    expect(monthly?.mrr).toEqual({ minor: 5000, currency: 'USD' }); // $50 monthly
    expect(monthly?.expectedCloseAt).toBe(Date.UTC(2013, 2, 15, 4)); // 2013-03-15 00:00 EDT (UTC−4)
    expect(annual?.mrr).toEqual({ minor: 10000, currency: 'USD' }); // 120 001 / 12 = 10 000.08 → 10 000 cents
    expect(annual?.amount).toEqual({ minor: 120001, currency: 'USD' });
  });

  it('takes lost from the status type and its date_lost, whatever the label says', () => {
    const deal = mapItems([opportunity({ status_type: 'lost', status_label: 'Won (really)', date_lost: '2013-03-01T10:00:00+00:00' })], (raw) =>
      mapOpportunity(raw, ctx),
    ).records.deal?.[0];
    expect([deal?.status, deal?.closedAt]).toEqual(['lost', Date.UTC(2013, 2, 1, 10)]);
  });

  it('rejects an opportunity with an unknown status type, no user or no currency', () => {
    const { rejects } = mapItems(
      [opportunity({ status_type: 'stalled' }), opportunity({ user_id: null }), opportunity({ value_currency: null }), { id: 7 }],
      (raw) => mapOpportunity(raw, ctx),
    );
    expect(rejects.map((r) => r.reason)).toEqual([
      'unknown status type stalled',
      'the opportunity has no user (owner)',
      'a value of 300000 cents has no ISO currency (got null)',
      expect.stringMatching(/^not a Close opportunity as documented: id/),
    ]);
  });
});

describe('Close activities', () => {
  it('maps a finished call with direction, disposition and duration', () => {
    const { records } = mapItems(
      [callItem, { ...callItem, id: 'acti_2', status: 'in-progress', direction: 'inbound' }, { ...callItem, id: 'acti_3', status: 'no-answer' }],
      (raw) => mapCall(raw, ctx),
    );
    expect(records.activity?.[0]).toMatchObject({
      type: 'call',
      direction: 'outbound',
      subtype: 'answered',
      durationSec: 10,
      done: true,
      occurredAt: Date.UTC(2013, 1, 1, 0, 51, 33),
      customerId: callItem.lead_id,
    });
    expect(records.activity?.map((a) => [a.direction, a.done])).toEqual([
      ['outbound', true],
      ['inbound', false],
      ['outbound', true],
    ]);
  });

  it('maps emails: sent and received are done, drafts are not; opens and replies on outgoing mail', () => {
    const { records } = mapItems([outgoingEmail, incomingEmail, draftEmail], (raw) => mapEmail(raw, ctx));
    const [sent, received, draft] = records.activity ?? [];
    expect(sent).toMatchObject({ type: 'email', direction: 'outbound', done: true, email: { opened: true, replied: false }, title: 'Testing testing!!!!' });
    expect(received).toMatchObject({ direction: 'inbound', done: true });
    expect(received?.email).toBeUndefined();
    expect(draft).toMatchObject({ done: false, occurredAt: Date.UTC(2015, 5, 26, 2, 1, 43, 59) });
  });

  it('maps a meeting at its start, done only once completed', () => {
    const { records } = mapItems([meetingItem, { ...meetingItem, id: 'acti_m2', status: 'completed', actual_duration: 2400 }], (raw) => mapMeeting(raw, ctx));
    expect(records.activity?.[0]).toMatchObject({
      type: 'meeting',
      title: 'Bruce Wayne Interview',
      done: false,
      durationSec: 3600,
      occurredAt: Date.UTC(2019, 9, 11, 16, 30),
    });
    expect(records.activity?.[1]).toMatchObject({ done: true, durationSec: 2400 });
  });
});

describe('Close people and pipelines', () => {
  it('maps pipeline statuses to stages in order with positional probabilities', () => {
    const { records } = mapItems(pipelinesPage.data, (raw) => mapPipeline(raw, ctx, 0));
    expect(records.pipeline?.[0]).toMatchObject({
      externalId: 'pipe_6gV01if4wo7r2YTVQDWP2j',
      name: 'Sales',
      updatedAt: Date.UTC(2019, 10, 13, 14, 12, 13, 51),
    });
    // Two active statuses → 100·1/3 ≈ 33 and 100·2/3 ≈ 67.
    expect(records.stage?.map((s) => [s.name, s.order, s.probability])).toEqual([
      ['Active', 0, 33],
      ['On hold', 1, 67],
      ['Won', 2, 100],
      ['Lost', 3, 0],
    ]);
  });

  it('maps users and leads (companies → customers)', () => {
    expect(mapItems(usersPage.data, (raw) => mapUser(raw, ctx)).records.owner?.map((o) => [o.name, o.email])).toEqual([
      ['Stefan Wojcik', 'stefan@close.com'],
      ['Kevin Ramani', 'kevin@close.com'],
    ]);
    expect(mapItems([leadItem], (raw) => mapLead(raw, ctx)).records.customer?.[0]).toMatchObject({
      externalId: LEAD_ID,
      name: 'Wayne Enterprises (Sample Lead)',
      country: 'US',
      region: 'CA',
      url: `https://app.close.com/lead/${LEAD_ID}/`,
    });
  });
});
