import { describe, expect, it } from 'vitest';
import { importCsv } from './import-csv';
import { readHead, readTextChunks } from './file-text';
import { planHeader, withHeader } from './header-rewrite';

async function* chunksOf(text: string, size: number): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}
async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
const OPTIONS = { source: 'csv:t', timeZone: 'UTC', importedAt: 1, kind: 'deals' as const, preset: 'none' as const };

describe('the mapping made exact by rewriting the header', () => {
  it('keeps mapped names, renames the rest so no synonym reads them, and tells same-named columns apart', () => {
    const plan = planHeader(['Title', 'Amount', 'Name', 'Name', ''], { title: 0, owner: 3, stage: 4 });
    expect(plan.names).toEqual(['Title', 'Amount (not imported)', 'Name (not imported)', 'Name', 'Column 5']);
    expect(plan.map).toEqual({ title: 'Title', owner: 'Name', stage: 'Column 5' });
  });

  it('reads only the chosen columns, whatever their names say', async () => {
    const text = 'Title,Amount,Stage,Owner\nA,10,Won,Ann\n';
    const plan = planHeader(['Title', 'Amount', 'Stage', 'Owner'], { title: 0, owner: 2 });
    const result = await importCsv(withHeader(chunksOf(text, 7), ['Title', 'Amount', 'Stage', 'Owner'], plan.names, ','), {
      ...OPTIONS,
      map: plan.map,
      delimiter: ',',
    }).catch((error: Error) => error);
    // Nothing that tells a deal is left (amount and stage are not imported): the import says so instead of guessing.
    expect(result).toBeInstanceOf(Error);
    const withAmount = planHeader(['Title', 'Amount', 'Stage', 'Owner'], { title: 0, amount: 1, owner: 2 });
    const read = await importCsv(withHeader(chunksOf(text, 7), ['Title', 'Amount', 'Stage', 'Owner'], withAmount.names, ','), {
      ...OPTIONS,
      map: withAmount.map,
      delimiter: ',',
    });
    expect(read.records.deals[0]).toMatchObject({ title: 'A', ownerId: 'owner:won', status: 'open', stageId: undefined, amount: { minor: 1000 } });
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('keeps every line number (%s, BOM, blank lines and a header cell over two lines), wherever chunks are cut', async (_name, br) => {
    const text = `\ufeff${br}${br}"Deal${br}title";Amount${br}"A${br}a";10${br}B;oops${br}C;5${br}`;
    const headers = [`Deal${br}title`, 'Amount'];
    const plan = planHeader(headers, { title: 0, amount: 1 });
    const plain = await importCsv(text, { ...OPTIONS, delimiter: ';' });
    for (const size of [1, 2, 3, 5, 8, 1000]) {
      const rewritten = await importCsv(withHeader(chunksOf(text, size), headers, plan.names, ';'), { ...OPTIONS, map: plan.map, delimiter: ';' });
      // Header on lines 3–4, A on 5 (its title spans two lines), B on 7, C on 8.
      expect(rewritten.rejects.map((reject) => reject.line)).toEqual([7]);
      expect(rewritten.rejects).toEqual(plain.rejects);
      expect(rewritten.records.deals.map((deal) => deal.title)).toEqual([`A${br}a`, 'C']);
    }
  });

  it('refuses a file whose header is not the one the mapping was made for', async () => {
    await expect(collect(withHeader(chunksOf('X,Y\n1,2\n', 4), ['Title', 'Amount'], ['Title', 'Amount'], ','))).rejects.toThrow(/changed since its preview/);
  });

  it('handles a file that is only a header line', async () => {
    expect(await collect(withHeader(chunksOf('Title,Amount', 3), ['Title', 'Amount'], ['T', 'A'], ','))).toBe('"T","A"\n');
  });
});

describe('reading a file in chunks', () => {
  it('decodes characters split between chunks and reports how far it got', async () => {
    const text = 'Сделка,Сумма ₽\nПоставка,1 000\n';
    const file = new Blob([text]);
    const seen: number[] = [];
    const chunks: string[] = [];
    for await (const chunk of readTextChunks(file, 3, (bytes) => seen.push(bytes))) chunks.push(chunk);
    expect(chunks.join('')).toBe(text);
    expect(seen.at(-1)).toBe(file.size);
    expect(seen.every((bytes, i) => i === 0 || bytes > seen[i - 1]!)).toBe(true);
  });

  it('gives the preview whole lines only', async () => {
    const file = new Blob(['a,b\n1,2\n3,4\n5,6\n']);
    expect(await readHead(file, 10)).toEqual({ text: 'a,b\n1,2\n', whole: false });
    expect(await readHead(file, 100)).toEqual({ text: 'a,b\n1,2\n3,4\n5,6\n', whole: true });
  });
});
