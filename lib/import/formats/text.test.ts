import { describe, expect, it } from 'vitest';
import { dateShape } from './date-text';
import { numberReadings } from './number-text';

describe('what one amount cell can mean', () => {
  it.each([
    // cell                     with a dot decimal    with a comma decimal   why
    ['1234', '1234', '1234'], // no separator: the same either way
    ['1 234', '1234', '1234'], // a space only groups
    ['1\u202f234,56 €', undefined, '1234.56'], // narrow no-break space grouping, comma decimal (fr)
    ['1.000', '1.000', '1000'], // one, or a thousand: the column decides
    ['1,234', '1234', '1.234'], // a thousand two hundred…, or one point two
    ['1,5', undefined, '1.5'], // a group of one digit is no group
    ['0.500', '0.500', undefined], // no group starts with 0
    ['1234.567', '1234.567', undefined], // a first group of four digits is no group
    ['1,234.56', '1234.56', undefined], // the last mark is the decimal one
    ['1.234,56', undefined, '1234.56'],
    ['12,34,567.50', '1234567.50', undefined], // Indian lakh grouping
    ['1,23,456', '123456', undefined], // … without decimals
    ["1'234.50", '1234.50', undefined], // Swiss: the apostrophe groups, so the dot can only be the decimal mark
    ['1.234.567', undefined, '1234567'], // a repeated mark groups
    ['(300)', '-300', '-300'], // accounting brackets
    ['300-', '-300', '-300'], // trailing minus
    ['CHF-1’000.25', '-1000.25', undefined], // sign after the code, typographic apostrophe
    ["1'000.-", '1000', '1000'], // Swiss "no cents" dash is not a minus
    ['-1.234,56\u00a0€', undefined, '-1234.56'],
    ['$ 1,000', '1000', '1.000'],
    ['₹1,23,456.00', '123456.00', undefined],
  ])('%j → %j (dot) / %j (comma)', (cell, dot, comma) => {
    expect(numberReadings(cell)).toEqual({ '.': dot, ',': comma });
  });

  it.each([
    ['12x5'], // a letter inside the number
    ['1e21'], // scientific notation is not an amount a CRM writes
    ['2017-06-30'], // a date
    ['10:30'], // a time
    ['+7 912 345-67-89'], // a phone number
    ['1,2,3.4.5'], // separators that fit no reading
    ['--5'], // two signs
  ])('%j is not an amount', (cell) => {
    expect(numberReadings(cell)).toBeUndefined();
  });
});

describe('what one date cell can mean', () => {
  it.each([
    // cell                        shape, orders it fits            why
    ['2017-06-30', { kind: 'exact' }], // ISO
    ['2017-06-30T14:05:09+03:00', { kind: 'exact' }], // ISO with an offset
    ['2017. 06. 30.', { kind: 'exact' }], // year first (hu, ko)
    ['20170630', { kind: 'exact' }], // compact
    ['05/06/2017', { kind: 'fields', orders: ['dmy', 'mdy'], dotted: false }], // either: the column decides
    ['25/06/2017', { kind: 'fields', orders: ['dmy'], dotted: false }], // no month 25: day first
    ['06/25/2017', { kind: 'fields', orders: ['mdy'], dotted: false }], // month first
    ['05/06/17', { kind: 'fields', orders: ['dmy', 'mdy', 'ymd'], dotted: false }], // two-digit year: the year may come first
    ['31/02/2017', { kind: 'fields', orders: [], dotted: false }], // no such day either way
    ['05.06.2017', { kind: 'fields', orders: ['dmy'], dotted: true }], // dotted: day first
    ['30-6-2017', { kind: 'fields', orders: ['dmy'], dotted: false }], // dashes (nl)
    ['42917', { kind: 'serial', inRange: true }], // Excel serial day 2017-07-01
    ['7', { kind: 'serial', inRange: false }], // a number, not a plausible serial date
    ['Y', { kind: 'none' }],
  ] as const)('%j → %j', (cell, shape) => {
    expect(dateShape(cell)).toEqual(shape);
  });
});
