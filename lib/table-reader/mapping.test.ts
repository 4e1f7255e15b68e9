import { describe, expect, it } from 'vitest';
import { assignField, recallMapping, rememberMapping, suggestMapping } from './mapping';
import { dateOrderFor } from './locale';

describe('column mapping for a table', () => {
  it("suggests lib/import's mapping from the headers, kind included", () => {
    expect(suggestMapping(['Deal title', 'Value', 'Stage', 'Owner', 'Notes'])).toEqual({ kind: 'deals', fields: ['title', 'amount', 'stage', 'owner', null] });
    expect(suggestMapping(['Тема', 'Тип', 'Дата', 'Ответственный']).kind).toBe('activities');
    expect(suggestMapping(['Deal title', 'Value'], 'leads').kind).toBe('leads');
  });

  it('gives a field to one column only', () => {
    const start = { kind: 'deals' as const, fields: ['title' as const, 'amount' as const, null] };
    expect(assignField(start, 2, 'amount').fields).toEqual(['title', null, 'amount']);
    expect(assignField(start, 0, null).fields).toEqual([null, 'amount', null]);
  });

  it('remembers a mapping by column name and applies it to the same list in another order', () => {
    const stored = rememberMapping(['Title', 'Sum', 'Who'], { kind: 'deals', fields: ['title', 'amount', 'owner'] }, 'dmy');
    const recalled = recallMapping(JSON.parse(JSON.stringify(stored)), ['Who', 'Extra', 'Title']);
    expect(recalled).toEqual({ mapping: { kind: 'deals', fields: ['owner', null, 'title'] }, dateOrder: 'dmy' });
    expect(recallMapping(stored, ['Something else'])).toBeNull();
  });

  it('ignores stored values that are not a mapping of known fields', () => {
    const hostile = JSON.parse(
      '{"version":1,"kind":"deals","columns":[["__proto__","amount"],["x","constructor"],["y","title"],["y","owner"],[1,2],"z"],"dateOrder":"evil"}',
    );
    expect(recallMapping(hostile, ['__proto__', 'x', 'y'])).toEqual({ mapping: { kind: 'deals', fields: ['amount', null, 'title'] }, dateOrder: 'mdy' });
    expect(({} as Record<string, unknown>).amount).toBeUndefined();
    for (const bad of [
      null,
      'x',
      { version: 2, kind: 'deals', columns: [] },
      { version: 1, kind: 'orders', columns: [] },
      { version: 1, kind: 'deals', columns: 'no' },
    ]) {
      expect(recallMapping(bad, ['x'])).toBeNull();
    }
  });
});

describe('date order of a page', () => {
  it.each([
    ['en-US', 'mdy'],
    ['en-GB', 'dmy'],
    ['ru-RU', 'dmy'],
    ['de', 'dmy'],
    ['', 'mdy'],
    ['not a locale!', 'mdy'],
  ] as const)('%s reads slash dates as %s', (locale, order) => {
    expect(dateOrderFor(locale)).toBe(order);
  });
});
