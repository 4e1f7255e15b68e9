import { describe, expect, it } from 'vitest';
import { localDateToInstant } from '../period/local-date';
import { convertRows, type RecordLists } from './convert';
import type { ColumnMapping } from './mapping';
import type { ReadRow } from './reader';

const OPTIONS = {
  source: 'table:crm.example',
  timeZone: 'Europe/Berlin',
  currency: 'EUR',
  dateOrder: 'dmy' as const,
  importedAt: 1_700_000_000_000,
  maxCellChars: 10_000,
  pause: async () => {},
  batchMax: 2,
};
const row = (position: number, cells: string[], rowKey?: string): ReadRow => ({ position, key: `p${position}`, cells, ...(rowKey ? { rowKey } : {}) });

async function convert(headers: string[], mapping: ColumnMapping, rows: ReadRow[]) {
  const batches: RecordLists[] = [];
  const result = await convertRows(headers, mapping, rows, { ...OPTIONS, onBatch: async (batch) => void batches.push(batch) });
  const all = (list: keyof RecordLists) => batches.flatMap((batch) => (batch[list] ?? []) as Record<string, unknown>[]);
  return { result, batches, all };
}

describe('table rows to records', () => {
  it('reads deals as lib/import reads an export: amounts, dates, won/lost, owners', async () => {
    const headers = ['№', 'Сделка', 'Сумма', 'Этап', 'Дата закрытия', 'Ответственный', 'Comment'];
    const mapping: ColumnMapping = { kind: 'deals', fields: ['id', 'title', 'amount', 'stage', 'closedAt', 'owner', null] };
    const { result, all, batches } = await convert(headers, mapping, [
      row(1, ['101', 'Поставка', '1 250 000,50 ₽', 'Успешно реализовано', '03.02.2024', 'Анна', 'x']),
      row(2, ['102', 'Сервис', '300', 'Переговоры', '', 'Борис', 'y']),
      row(4, ['103', 'Плохая', 'много', 'Переговоры', '', 'Анна', 'z']),
    ]);
    expect([result.imported, result.rejected]).toEqual([2, 1]);
    // The rejected row is named by its place in the table (4th row), not by a CSV line.
    expect(result.problems).toEqual([{ position: 4, reason: expect.stringContaining('"много"') }]);
    const deals = all('deals');
    expect(deals.map((deal) => [deal.externalId, deal.status, deal.amount, deal.source])).toEqual([
      ['101', 'won', { minor: 125_000_050, currency: 'RUB' }, 'table:crm.example'],
      ['102', 'open', { minor: 30_000, currency: 'EUR' }, 'table:crm.example'],
    ]);
    // 03.02.2024 is the 3rd of February: dotted dates are day first; midnight in Berlin is 23:00 UTC the day before.
    expect(deals[0]!.closedAt).toBe(localDateToInstant('2024-02-03', 'Europe/Berlin'));
    expect(
      all('owners')
        .map((owner) => owner.name)
        .sort(),
    ).toEqual(['Анна', 'Борис']);
    // Lists of at most batchMax records per message.
    expect(batches.every((batch) => Object.values(batch).every((list) => list.length <= 2))).toBe(true);
  });

  it("uses the row's own key as the id when no column is the id, and lib/import's hash for rows without one", async () => {
    const mapping: ColumnMapping = { kind: 'activities', fields: ['subject', 'type', 'occurredAt'] };
    const rows = [row(1, ['Intro', 'Call', '2024-03-01']), row(2, ['Demo', 'Meeting', '2024-03-02'], 'act-9')];
    const { all } = await convert(['Subject', 'Type', 'Date'], mapping, rows);
    const ids = all('activities').map((activity) => activity.externalId as string);
    expect(ids[1]).toBe('act-9');
    expect(ids[0]).toMatch(/^row-[0-9a-f]{16}$/);
    const again = await convert(['Subject', 'Type', 'Date'], mapping, rows);
    expect(again.all('activities').map((activity) => activity.externalId)).toEqual(ids);
  });

  it('reads only the columns the rep kept, even when another column looks like a field', async () => {
    const mapping: ColumnMapping = { kind: 'deals', fields: ['title', 'amount', null] };
    const { all } = await convert(['Title', 'Amount', 'Stage'], mapping, [row(1, ['A', '10', 'Closed Won'])]);
    expect(all('deals')[0]).toMatchObject({ status: 'open', stageId: undefined });
  });

  it('two columns with one name are two columns', async () => {
    const mapping: ColumnMapping = { kind: 'deals', fields: ['title', 'amount', 'stage'] };
    const { all } = await convert(['Name', 'Name', 'Name'], mapping, [row(1, ['A', '10', 'Won'])]);
    expect(all('deals')[0]).toMatchObject({ title: 'A', amount: { minor: 1000 }, status: 'won' });
  });

  it('refuses a mapping that cannot make records of the kind', async () => {
    await expect(convert(['Notes'], { kind: 'deals', fields: ['title'] }, [row(1, ['x'])])).rejects.toThrow(/no deals columns recognised/);
  });
});
