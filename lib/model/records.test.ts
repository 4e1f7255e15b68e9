import { describe, expect, it } from 'vitest';
import { parseRecord, RECORD_TYPES, recordSchemas } from './records';

const base = { source: 'demo', externalId: 'd1', updatedAt: 1_700_000_000_000 };
const usd = (minor: number) => ({ minor, currency: 'USD' });

describe('canonical records', () => {
  it('accepts a complete deal and fills defaults', () => {
    const parsed = parseRecord('deal', {
      ...base,
      title: 'Acme renewal',
      ownerId: 'u1',
      status: 'won',
      amount: usd(125_000),
      createdAt: 1_690_000_000_000,
      closedAt: 1_700_000_000_000,
      lineItems: [{ name: 'GTX Pro', quantity: 2, unitPrice: usd(62_500), unitCost: usd(40_000) }],
      url: 'https://acme.pipedrive.com/deal/1',
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.record.lineItems).toHaveLength(1);
  });

  it('keeps an open deal without a created date (nothing valid is dropped)', () => {
    const parsed = parseRecord('deal', { ...base, title: 'x', ownerId: 'u1', status: 'open' });
    expect(parsed.ok && parsed.record.lineItems).toEqual([]);
  });

  it.each([
    ['a float amount', { amount: { minor: 12.5, currency: 'USD' } }, 'amount.minor: expected a whole number of minor units'],
    ['a lowercase currency', { amount: { minor: 1, currency: 'usd' } }, 'amount.currency: expected a 3-letter ISO 4217 currency code'],
    ['an unknown status', { status: 'pending' }, 'status:'],
    ['a missing owner', { ownerId: undefined }, 'ownerId:'],
    ['a javascript: link', { url: 'javascript:alert(1)' }, 'url: expected an http(s) URL'],
    ['a probability over 100', { probability: 140 }, 'probability:'],
    ['a timestamp as a string', { closedAt: '2017-06-01' }, 'closedAt: expected a timestamp in milliseconds'],
  ])('rejects a deal with %s, saying where and why', (_name, patch, message) => {
    const parsed = parseRecord('deal', { ...base, title: 'x', ownerId: 'u1', status: 'open', ...patch });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(message);
  });

  it('rejects an activity without a type and a time', () => {
    const parsed = parseRecord('activity', { ...base, ownerId: 'u1', done: true });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(/^activity type: .*; occurredAt: /);
  });

  it('rejects an MRR movement with a negative amount: the kind carries the sign', () => {
    const parsed = parseRecord('mrrMovement', { ...base, customerId: 'c1', at: 1, kind: 'churn', amount: usd(-100) });
    expect(parsed.ok).toBe(false);
  });

  it('requires a quota to belong to exactly one rep or team and to end after it starts', () => {
    const quota = { ...base, periodKind: 'month', startDate: '2017-06-01', endDate: '2017-07-01', amount: usd(1_000_000) };
    expect(parseRecord('quota', { ...quota, ownerId: 'u1' }).ok).toBe(true);
    expect(parseRecord('quota', quota).ok).toBe(false);
    expect(parseRecord('quota', { ...quota, ownerId: 'u1', teamId: 't1' }).ok).toBe(false);
    const backwards = parseRecord('quota', { ...quota, ownerId: 'u1', startDate: '2017-07-01', endDate: '2017-06-01' });
    expect(!backwards.ok && backwards.reason).toContain('endDate: a quota ends after it starts');
  });

  it('rejects impossible calendar dates in local-date fields', () => {
    const spend = { ...base, month: '2017-13', kind: 'marketing', amount: usd(100) };
    expect(parseRecord('spend', spend).ok).toBe(false);
  });

  it('never throws, whatever it is given', () => {
    for (const type of RECORD_TYPES) {
      for (const raw of [null, undefined, 42, 'x', [], { __proto__: { ownerId: 'u1' } }, JSON.parse('{"__proto__":{"polluted":1}}')]) {
        expect(() => parseRecord(type, raw)).not.toThrow();
        expect(parseRecord(type, raw).ok).toBe(false);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has a schema for every record type', () => {
    expect(Object.keys(recordSchemas).sort()).toEqual([...RECORD_TYPES].sort());
  });
});
