import { describe, expect, it } from 'vitest';
import type { Activity, Deal } from '../model';
import { recordsToCsv } from './data-csv';

describe('CSV per table', () => {
  it('flattens nested fields into dotted columns and keeps lists as JSON', () => {
    const deal: Deal = {
      source: 's',
      externalId: '1',
      updatedAt: 2,
      title: 'Acme',
      ownerId: 'u',
      status: 'won',
      amount: { minor: 1250, currency: 'EUR' },
      lineItems: [{ name: 'Seat', quantity: 2, unitPrice: { minor: 625, currency: 'EUR' } }],
    };
    const csv = recordsToCsv([deal, { ...deal, externalId: '2', title: 'Beta, Inc.', amount: undefined, region: 'North' }]);
    expect(csv.split('\r\n')).toEqual([
      'source,externalId,updatedAt,title,ownerId,status,amount.minor,amount.currency,lineItems,region',
      's,1,2,Acme,u,won,1250,EUR,"[{""name"":""Seat"",""quantity"":2,""unitPrice"":{""minor"":625,""currency"":""EUR""}}]",',
      's,2,2,"Beta, Inc.",u,won,,,"[{""name"":""Seat"",""quantity"":2,""unitPrice"":{""minor"":625,""currency"":""EUR""}}]",North',
      '',
    ]);
  });

  it('keeps email tracking flags as columns', () => {
    const email: Activity = {
      source: 's',
      externalId: 'a',
      updatedAt: 1,
      ownerId: 'u',
      type: 'email',
      occurredAt: 5,
      done: true,
      email: { opened: true, replied: false },
    };
    expect(recordsToCsv([email]).split('\r\n')[0]).toBe('source,externalId,updatedAt,ownerId,type,occurredAt,done,email.opened,email.replied');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`], // a formula stays text
    ['+1 555', "'+1 555"],
    ['-sum', "'-sum"],
    ['@cmd', "'@cmd"],
    ['line\nbreak', '"line\nbreak"'],
    [' padded ', '" padded "'],
    [-42, '-42'], // numbers stay numbers
    [true, 'true'],
    ['x;=1+1', `"x;'=1+1"`], // a ";" reader splits there: neutralised and quoted
    [undefined, ''],
  ])('writes %j as %s', (value, expected) => {
    expect(recordsToCsv([{ value, next: 'n' }], ['value']).split('\r\n')[1]).toBe(`${expected},n`);
  });
});
