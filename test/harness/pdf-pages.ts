import { inflateSync } from 'node:zlib';

/** One page of a PDF as far as the tests need it: how many text-showing operators it draws. */
export type PdfPage = { textRuns: number };

const OBJECT = /(\d+) 0 obj([\s\S]*?)endobj/g;

/**
 * The pages of a PDF that Chromium printed (`page.pdf()`), in order, each with the number of
 * text-showing operators (Tj, TJ, ', ") in its content streams. Enough to count pages and to tell
 * a page with only a title from a page with a report on it; not a general PDF reader.
 */
export function pdfPages(pdf: Buffer): PdfPage[] {
  const text = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const match of text.matchAll(OBJECT)) objects.set(match[1]!, match[2]!);
  const pages: PdfPage[] = [];
  const tree = [...objects.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body))?.match(/\/Pages\s+(\d+)\s+0\s+R/)?.[1];
  if (!tree) throw new Error('no page tree in the PDF');
  const walk = (id: string) => {
    const body = objects.get(id);
    if (body === undefined) throw new Error(`PDF object ${id} is missing`);
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = body.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(kid[1]!);
      return;
    }
    if (!/\/Type\s*\/Page\b/.test(body)) throw new Error(`PDF object ${id} in the page tree is not a page`);
    const contents = body.match(/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/)?.[1] ?? '';
    let textRuns = 0;
    for (const ref of contents.matchAll(/(\d+)\s+0\s+R/g)) textRuns += countTextRuns(streamOf(pdf, text, ref[1]!));
    pages.push({ textRuns });
  };
  walk(tree);
  return pages;
}

/** The decoded bytes of stream object `id` (Chromium deflates its content streams). */
function streamOf(pdf: Buffer, text: string, id: string): string {
  const head = new RegExp(`(?:^|\\s)${id} 0 obj\\s*<<([\\s\\S]*?)>>\\s*stream\\r?\\n`).exec(text);
  if (!head) throw new Error(`PDF stream ${id} not found`);
  const start = head.index + head[0].length;
  const end = text.indexOf('endstream', start);
  const raw = pdf.subarray(start, end);
  return (/\/FlateDecode/.test(head[1]!) ? inflateSync(raw) : raw).toString('latin1');
}

function countTextRuns(content: string): number {
  return (content.match(/(?:\)|>|\])\s*(?:Tj|TJ|'|")(?=\s)/g) ?? []).length;
}
