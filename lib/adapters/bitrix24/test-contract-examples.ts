import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The JSON examples of the Bitrix24 REST reference pages vendored in
 * shared/contracts/bitrix24 (test support, Node only). Every fenced ```json
 * block under a response or error heading is read; the pages' own shorthand
 * (`// .. 49 more items`, a line of prose such as `48 more leads with similar
 * structure`, a bare `...`) is removed first, as a reader would skip it.
 */
export const BITRIX_CONTRACTS = process.env.KPI_LENS_CONTRACTS_BITRIX24 ?? fileURLToPath(new URL('../../../../shared/contracts/bitrix24', import.meta.url));

export type ContractExample = {
  file: string;
  /** The heading the block sits under, e.g. `Response Handling`, `Error Handling`. */
  section: string;
  /** The documented HTTP status before the block, when the page states one. */
  status?: number;
  body: unknown;
  line: number;
};

const RESPONSE_SECTION = /response|returned data|error|limits/i;

/** Drops the reference pages' shorthand lines and trailing commas so the example parses as JSON. */
export function cleanExampleJson(text: string): string {
  const kept = text.split('\n').filter((line) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || /^\.\.\.,?$/.test(trimmed)) return false;
    const outsideStrings = trimmed.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\b(true|false|null)\b/g, '');
    return !/[A-Za-z_]/.test(outsideStrings);
  });
  return kept.join('\n').replace(/,(\s*[}\]])/g, '$1');
}

export function extractExamples(file: string, markdown: string): ContractExample[] {
  const lines = markdown.split('\n');
  const examples: ContractExample[] = [];
  let section = '';
  let status: number | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const heading = /^#{2,4}\s+(.*?)\s*(\{#.*\})?$/.exec(line);
    if (heading) {
      section = heading[1]!;
      status = undefined;
      continue;
    }
    const stated = /HTTP [Ss]tatus:?\s*\*\*(\d{3})\*\*/.exec(line);
    if (stated) status = Number(stated[1]);
    if (!/^\s*```json\s*$/.test(line) || !RESPONSE_SECTION.test(section)) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end += 1;
    const text = cleanExampleJson(lines.slice(start, end).join('\n'));
    examples.push({ file, section, status, body: JSON.parse(text) as unknown, line: start });
    i = end;
  }
  return examples;
}

/** Every response example of every reference page, by file name. */
export function loadContractExamples(dir = BITRIX_CONTRACTS): ContractExample[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
  return files.flatMap((file) => extractExamples(file, readFileSync(join(dir, file), 'utf8')));
}
