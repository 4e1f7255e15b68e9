import { DAY_MS } from '../period/units';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activitySchema, customerSchema, dealSchema, leadSchema, mrrMovementSchema, quotaSchema, spendSchema, type Activity, type Deal } from '../model';
import { knownAt, rewind } from './known-at';
import { emptyData } from './test-support';

const T = Date.UTC(2017, 5, 15, 12); // the instant rewound to: 2017-06-15 12:00 UTC
const meta = (id: string) => ({ source: 'crm', externalId: id, updatedAt: T + 30 * DAY_MS });
const usd = (major: number) => ({ minor: major * 100, currency: 'USD' });
const deal = (id: string, patch: Record<string, unknown>): Deal =>
  dealSchema.parse({ ...meta(id), title: id, ownerId: 'u1', status: 'open', amount: usd(1000), ...patch });
/** Each expected field equals the record's (undefined: the field is absent). */
function expectFields(record: object | undefined, expected: Record<string, unknown>): void {
  expect(record).toBeDefined();
  for (const [key, value] of Object.entries(expected)) expect((record as Record<string, unknown>)[key], key).toEqual(value);
}
const activity = (id: string, patch: Record<string, unknown>): Activity =>
  activitySchema.parse({ ...meta(id), ownerId: 'u1', type: 'call', done: true, occurredAt: T - DAY_MS, ...patch });

describe('knownAt: deals', () => {
  it.each([
    // name, deal, expected as of T (undefined = absent)
    ['created after the instant: absent', deal('a', { createdAt: T + 1 }), undefined],
    ['created exactly at the instant: present', deal('b', { createdAt: T }), { status: 'open' }],
    [
      'won after the instant: open, no close date',
      deal('c', { createdAt: T - 9 * DAY_MS, status: 'won', closedAt: T + DAY_MS }),
      { status: 'open', closedAt: undefined },
    ],
    [
      'lost after the instant: open, no lost reason',
      deal('d', { createdAt: T - 9 * DAY_MS, status: 'lost', closedAt: T + DAY_MS, lostReason: 'price' }),
      { status: 'open', lostReason: undefined },
    ],
    ['won exactly at the instant: won', deal('e', { createdAt: T - 9 * DAY_MS, status: 'won', closedAt: T }), { status: 'won', closedAt: T }],
    ['no created date: kept as it is', deal('f', { status: 'open' }), { status: 'open', createdAt: undefined }],
    ['no created date, first stage entered after: absent', deal('g', { stageHistory: [{ stageId: 's1', enteredAt: T + DAY_MS }] }), undefined],
    ['no created date, first contact before: present', deal('h', { firstContactAt: T - DAY_MS }), { status: 'open' }],
    ['last activity after the instant: forgotten', deal('i', { createdAt: T - 9 * DAY_MS, lastActivityAt: T + DAY_MS }), { lastActivityAt: undefined }],
    ['first contact after the instant: forgotten', deal('j', { createdAt: T - 9 * DAY_MS, firstContactAt: T + DAY_MS }), { firstContactAt: undefined }],
    ['closed with no close date: kept closed', deal('k', { createdAt: T - 9 * DAY_MS, status: 'won' }), { status: 'won' }],
    [
      'stage history: the last stage entered by then, later visits dropped',
      deal('l', {
        createdAt: T - 20 * DAY_MS,
        status: 'won',
        closedAt: T + 5 * DAY_MS,
        stageId: 'won-stage',
        stageHistory: [
          { stageId: 'qualify', enteredAt: T - 10 * DAY_MS },
          { stageId: 'demo', enteredAt: T - 2 * DAY_MS },
          { stageId: 'won-stage', enteredAt: T + 3 * DAY_MS },
        ],
      }),
      {
        stageId: 'demo',
        stageHistory: [
          { stageId: 'qualify', enteredAt: T - 10 * DAY_MS },
          { stageId: 'demo', enteredAt: T - 2 * DAY_MS },
        ],
      },
    ],
    [
      'stage history starting after the instant: its first stage',
      deal('m', {
        createdAt: T - 20 * DAY_MS,
        stageId: 'late',
        stageHistory: [
          { stageId: 'early', enteredAt: T + DAY_MS },
          { stageId: 'late', enteredAt: T + 2 * DAY_MS },
        ],
      }),
      { stageId: 'early', stageHistory: [] },
    ],
    [
      'no stage history, closed later: the current stage stays',
      deal('n', { createdAt: T - 20 * DAY_MS, stageId: 'Won', status: 'won', closedAt: T + DAY_MS }),
      { stageId: 'Won' },
    ],
  ] as const)('%s', (_name, input, expected) => {
    const [out] = knownAt({ ...emptyData(), deals: [input] }, T).deals;
    if (expected === undefined) expect(out).toBeUndefined();
    else expectFields(out, expected);
  });

  it('keeps unchanged deals as the same objects, and counts what it did', () => {
    const unchanged = deal('u', { createdAt: T - DAY_MS, status: 'lost', closedAt: T - 1 });
    const later = deal('v', { createdAt: T + DAY_MS });
    const reopened = deal('w', { createdAt: T - DAY_MS, status: 'won', closedAt: T + DAY_MS, stageId: 'Won' });
    const undated = deal('x', {});
    const { data, notes } = rewind({ ...emptyData(), deals: [unchanged, later, reopened, undated] }, T);
    expect(data.deals[0]).toBe(unchanged);
    expect(data.deals.map((d) => d.externalId)).toEqual(['u', 'w', 'x']);
    expect(notes).toMatchObject({ dealsNotYetCreated: 1, dealsReopened: 1, dealsUndated: 1, stageFromCurrent: 1 });
  });
});

describe('knownAt: everything else', () => {
  it.each([
    ['done before the instant: as it is', activity('a', { occurredAt: T - 1 }), { done: true }],
    ['done after, booked before: planned, not done', activity('b', { occurredAt: T + DAY_MS, createdAt: T - DAY_MS }), { done: false }],
    ['due after, booked before, not done: as it is', activity('c', { occurredAt: T + DAY_MS, createdAt: T - DAY_MS, done: false }), { done: false }],
    ['after the instant, booked when unknown: absent', activity('d', { occurredAt: T + DAY_MS }), undefined],
    ['after the instant, booked after: absent', activity('e', { occurredAt: T + 2 * DAY_MS, createdAt: T + DAY_MS }), undefined],
  ] as const)('activity %s', (_name, input, expected) => {
    const [out] = knownAt({ ...emptyData(), activities: [input] }, T).activities;
    if (expected === undefined) expect(out).toBeUndefined();
    else expectFields(out, expected);
  });

  it('takes back lead steps taken after the instant', () => {
    const lead = (id: string, patch: Record<string, unknown>) => leadSchema.parse({ ...meta(id), createdAt: T - 10 * DAY_MS, status: 'open', ...patch });
    const out = knownAt(
      {
        ...emptyData(),
        leads: [
          lead('later', { createdAt: T + DAY_MS }),
          lead('converted-later', { status: 'converted', mqlAt: T - 5 * DAY_MS, sqlAt: T + DAY_MS, convertedAt: T + 2 * DAY_MS, convertedDealId: 'd9' }),
          lead('converted-before', { status: 'converted', convertedAt: T - DAY_MS }),
        ],
      },
      T,
    ).leads;
    expect(out.map((l) => l.externalId)).toEqual(['converted-later', 'converted-before']);
    expectFields(out[0], { status: 'open', mqlAt: T - 5 * DAY_MS, sqlAt: undefined, convertedAt: undefined, convertedDealId: undefined });
    expect(out[1]).toMatchObject({ status: 'converted', convertedAt: T - DAY_MS });
  });

  it('drops customers acquired later and undoes later churn; keeps undated customers', () => {
    const customer = (id: string, patch: Record<string, unknown>) => customerSchema.parse({ ...meta(id), name: id, ...patch });
    const out = knownAt(
      {
        ...emptyData(),
        customers: [
          customer('later', { acquiredAt: T + 1 }),
          customer('churns-later', { acquiredAt: T - DAY_MS, churnedAt: T + DAY_MS, churnReason: 'voluntary' }),
          customer('undated', {}),
        ],
      },
      T,
    ).customers;
    expect(out.map((c) => c.externalId)).toEqual(['churns-later', 'undated']);
    expectFields(out[0], { churnedAt: undefined, churnReason: undefined });
  });

  it('drops MRR movements and spend months after the instant, in the given zone; keeps plans', () => {
    const mrr = (id: string, at: number) => mrrMovementSchema.parse({ ...meta(id), customerId: 'c', at, kind: 'new', amount: usd(10) });
    const spend = (id: string, month: string) => spendSchema.parse({ ...meta(id), month, kind: 'sales', amount: usd(10) });
    const quota = quotaSchema.parse({ ...meta('q'), ownerId: 'u1', periodKind: 'month', startDate: '2017-07-01', endDate: '2017-08-01', amount: usd(5) });
    // 2017-07-01 00:00 in Kiritimati (UTC+14) is 2017-06-30 10:00 UTC: before an instant of 06-30 12:00 UTC.
    const at = Date.UTC(2017, 5, 30, 12);
    const data = { ...emptyData(), mrrMovements: [mrr('m1', at), mrr('m2', at + 1)], spend: [spend('s6', '2017-06'), spend('s7', '2017-07')], quotas: [quota] };
    expect(knownAt(data, at).mrrMovements.map((m) => m.externalId)).toEqual(['m1']);
    expect(knownAt(data, at).spend.map((s) => s.externalId)).toEqual(['s6']);
    expect(knownAt(data, at, { timeZone: 'Pacific/Kiritimati' }).spend.map((s) => s.externalId)).toEqual(['s6', 's7']);
    expect(knownAt(data, at).quotas).toEqual([quota]);
  });

  it('refuses a non-finite instant', () => {
    expect(() => knownAt(emptyData(), Number.NaN)).toThrow(/non-finite/);
  });
});

describe('knownAt: properties', () => {
  const time = fc.integer({ min: -40, max: 40 }).map((d) => T + d * DAY_MS);
  const dealArb = fc
    .record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      created: fc.option(time, { nil: undefined }),
      closed: fc.option(time, { nil: undefined }),
      status: fc.constantFrom('open', 'won', 'lost'),
      visits: fc.array(fc.record({ stageId: fc.constantFrom('a', 'b', 'c'), enteredAt: time }), { maxLength: 3 }),
      last: fc.option(time, { nil: undefined }),
    })
    .map((r) =>
      deal(r.id, {
        createdAt: r.created,
        status: r.status,
        closedAt: r.status === 'open' ? undefined : r.closed,
        stageHistory: r.visits.length ? r.visits : undefined,
        stageId: r.visits[0]?.stageId,
        lastActivityAt: r.last,
      }),
    );
  const activityArb = fc
    .record({ occurred: time, created: fc.option(time, { nil: undefined }), done: fc.boolean() })
    .map((r) => activity('x', { occurredAt: r.occurred, createdAt: r.created, done: r.done }));
  const dataArb = fc
    .record({ deals: fc.array(dealArb, { maxLength: 8 }), activities: fc.array(activityArb, { maxLength: 8 }) })
    .map((r) => ({ ...emptyData(), ...r }));

  it('rewinding in two steps is rewinding at once (the later instant first)', () => {
    fc.assert(
      fc.property(dataArb, time, time, (data, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(knownAt(knownAt(data, late), early)).toEqual(knownAt(data, early));
      }),
    );
  });

  it('leaves nothing after the instant: no deal created, closed or entering a stage later, no activity done later', () => {
    fc.assert(
      fc.property(dataArb, time, (data, at) => {
        const out = knownAt(data, at);
        for (const d of out.deals) {
          if (d.createdAt !== undefined) expect(d.createdAt).toBeLessThanOrEqual(at);
          if (d.closedAt !== undefined) expect(d.closedAt).toBeLessThanOrEqual(at);
          for (const v of d.stageHistory ?? []) expect(v.enteredAt).toBeLessThanOrEqual(at);
          if (d.lastActivityAt !== undefined) expect(d.lastActivityAt).toBeLessThanOrEqual(at);
        }
        for (const a of out.activities) if (a.done) expect(a.occurredAt).toBeLessThanOrEqual(at);
      }),
    );
  });

  it('changes nothing when the instant is after everything', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const out = knownAt(data, T + 100 * DAY_MS);
        out.deals.forEach((d, i) => expect(d).toBe(data.deals[i]));
        out.activities.forEach((a, i) => expect(a).toBe(data.activities[i]));
      }),
    );
  });
});
