import { describe, expect, it } from 'vitest';
import { dateOnlyProperties } from './date-only';

describe('dateOnlyProperties', () => {
  it.each([
    { name: 'days only', rows: [['2016-10-20', '2017-03-01']], columns: { createdAt: 0, closedAt: 1 }, expected: ['createdAt', 'closedAt', 'expectedCloseAt', 'occurredAt'] }, // occurredAt: an activity falls back on its created date
    { name: 'a time in any sampled cell keeps the time', rows: [['2016-10-20'], ['2016-10-21 09:15']], columns: { createdAt: 0 }, expected: [] },
    { name: 'empty cells say nothing', rows: [['', '2017-03-01'], ['', '']], columns: { createdAt: 0, closedAt: 1 }, expected: ['closedAt', 'expectedCloseAt'] },
    { name: 'closedAt from wonAt and lostAt: one with a time keeps it', rows: [['2017-01-02', '2017-01-03 10:00']], columns: { wonAt: 0, lostAt: 1 }, expected: [] },
    { name: 'closedAt from wonAt only', rows: [['1/2/2017']], columns: { wonAt: 0 }, expected: ['closedAt'] },
    { name: 'an activity with a time column is not date-only', rows: [['2024-03-05', '14:30']], columns: { occurredAt: 0, time: 1 }, expected: [] },
    { name: 'an activity without one is', rows: [['2024-03-05']], columns: { occurredAt: 0 }, expected: ['occurredAt'] },
    { name: 'an activity dated by its created column', rows: [['05.03.2024']], columns: { createdAt: 0 }, expected: ['createdAt', 'occurredAt'] },
    { name: 'ISO with a zone has a time', rows: [['2024-03-05T00:00:00Z']], columns: { expectedCloseAt: 0 }, expected: [] },
    { name: 'no column, no claim', rows: [['2024-03-05']], columns: {}, expected: [] },
  ])('$name', ({ rows, columns, expected }) => {
    expect(dateOnlyProperties(rows, columns)).toEqual(expected);
  });
});
