/**
 * Issue 15, "words a rep understands": the explain panel of EVERY KPI in the catalogue, computed by the
 * real view service over the demo data (rep and team, this week / month / quarter / year, and a month
 * that is over), rendered in English and Russian, shows no engine identifier: no camelCase key, no
 * kebab-case id, no ISO week or month code. And every key the catalogue emits has words in both languages.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_EXCHANGE_RATES, generateDemoData } from '@/lib/demo';
import { translator, type MessageKey } from '@/lib/i18n';
import { KPI_IDS, hasValue, type KpiId } from '@/lib/kpi';
import type { Responses } from '@/lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { type ShownResult, type ViewSelection, createViewService } from '@/lib/views';
import { ExplainPanel, METHOD_KEYS } from './ExplainPanel';
import { COUNT_KEYS, PART_KEYS } from './explain-inputs';
import { renderPart } from './test-support';

const ZONE = 'Europe/Berlin';
/** Sunday 6 Dec 2026, 21:00 in Berlin: a week and a month in progress. */
const AS_OF = Date.UTC(2026, 11, 6, 20);
const data = generateDemoData({ asOf: AS_OF, seed: 20_240_601, timeZone: ZONE, source: 'demo', scale: 0.5 });
const lead = data.owners.find((owner) => owner.externalId === data.teamLeadOwnerId)!;
const settings = (viewer: string): Settings => ({ ...DEFAULT_SETTINGS, timeZone: ZONE, currentOwner: { demo: viewer }, rates: { ...DEMO_EXCHANGE_RATES } });

/** Each KPI's result as the sidebar receives it, and the first page of its records (names, not ids). */
async function catalogue(viewer: string, selection: ViewSelection) {
  const views = createViewService({
    loadData: async () => data,
    loadSettings: async () => settings(viewer),
    now: () => AS_OF,
    browserZone: () => ZONE,
    rewarmDelayMs: null,
  });
  const { results } = await views.catalogue(selection);
  const pages: Partial<Record<KpiId, Page>> = {};
  for (const [id, result] of Object.entries(results) as [KpiId, ShownResult][])
    if (result.recordCount > 0) pages[id] = await views.records(selection, id, 0, 20);
  return { results, pages };
}

const SELECTIONS: [string, ViewSelection][] = [
  [data.currentOwnerId, { source: 'demo', view: 'personal', period: 'week' }],
  [data.currentOwnerId, { source: 'demo', view: 'personal', period: 'month' }],
  [data.currentOwnerId, { source: 'demo', view: 'personal', period: 'custom', range: { from: '2026-11-01', to: '2026-11-30' } }],
  [lead.externalId, { source: 'demo', view: 'team', period: 'quarter' }],
  [lead.externalId, { source: 'demo', view: 'team', period: 'year' }],
];

type Page = Responses['records/get'];
const results: { label: string; result: ShownResult; page?: Page }[] = [];
for (const [viewer, selection] of SELECTIONS) {
  const shown = await catalogue(viewer, selection);
  for (const [id, result] of Object.entries(shown.results) as [KpiId, ShownResult][])
    results.push({ label: `${selection.view} ${selection.period} ${id}`, result, page: shown.pages[id] });
}

/** Every kebab-case id the engine put in these results (methods such as `sum-of-rep-quotas`), to be found verbatim. */
const ENGINE_IDS = [...new Set(results.flatMap(({ result }) => (hasValue(result) && result.method?.includes('-') ? [result.method] : [])))];

/**
 * Engine words that must never be read on screen. Prose ("BG/NBD", "MRR", "non-payment") and dates in
 * words pass; a record id ("customer-362"), an id of three or more lowercase parts, or a method id do not.
 */
const LEAKS: [string, RegExp][] = [
  ['camelCase key', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['kebab-case id', /\b(?:[a-z]+-\d+|[a-z]+(?:-[a-z]+){2,})\b/],
  ...ENGINE_IDS.map((id): [string, RegExp] => ['engine method id', new RegExp(`\\b${id}\\b`)]),
  ['ISO week code', /\b\d{4}-W\d{2}\b/],
  ['ISO month code', /\b\d{4}-\d{2}\b/],
];

/** The panel's text, node by node, so words of neighbouring elements are not read as one. */
function textsOf(root: Element): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue?.trim()) texts.push(node.nodeValue);
  for (const element of root.querySelectorAll('[aria-label],[title]'))
    texts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '');
  return texts;
}

afterEach(cleanup);

describe('the explain panel over the demo data speaks words, not engine ids', () => {
  it('has every KPI of the catalogue to check, with values and parts', () => {
    const ids = new Set(results.map((r) => r.result.id));
    expect([...ids].sort()).toEqual([...KPI_IDS].sort());
    expect(results.some((r) => r.result.id === 'mrr' && hasValue(r.result))).toBe(true);
    expect(ENGINE_IDS).toContain('sum-of-rep-quotas');
  });

  for (const locale of ['en', 'ru'] as const) {
    it(`renders no camelCase key, kebab-case id or ISO period code (${locale})`, async () => {
      const leaks: string[] = [];
      for (const { label, result, page } of results) {
        const load = async () => page!;
        renderPart(
          <ExplainPanel
            target={{ kpi: result.id, result, selection: { source: 'demo', view: 'personal', period: 'month' } }}
            currency="USD"
            loadRecords={load}
            onClose={vi.fn()}
          />,
          { locale, timeZone: ZONE },
        );
        if (page?.rows.length) await screen.findAllByText(page.rows[0]!.title);
        for (const text of textsOf(screen.getByRole('dialog'))) {
          for (const [what, pattern] of LEAKS) {
            const found = text.match(pattern);
            if (found) leaks.push(`${label}: ${what} "${found[0]}" in "${text}"`);
          }
        }
        cleanup();
      }
      expect(leaks).toEqual([]);
    });
  }

  it('has words in both languages for every count, part and method the catalogue emitted', () => {
    const en = translator('en');
    const ru = translator('ru');
    const missing: string[] = [];
    const check = (where: string, key: MessageKey | undefined) => {
      if (!key) return missing.push(`${where}: no message`);
      for (const [lang, t] of [
        ['en', en],
        ['ru', ru],
      ] as const)
        if (t(key, { count: 2 }) === key) missing.push(`${where}: no ${lang} text`);
    };
    for (const { result } of results) {
      if (result.status === 'needs-data') continue;
      for (const key of Object.keys(result.counts ?? {})) check(`${result.id} count ${key}`, COUNT_KEYS[key]);
      if (hasValue(result)) {
        if (result.method && !result.methodName) check(`${result.id} method ${result.method}`, METHOD_KEYS[result.method]);
        for (const key of Object.keys(PART_KEYS[result.id] ?? {})) check(`${result.id} part ${key}`, PART_KEYS[result.id]?.[key]);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });

  it('names the period in words: a month, a week by its days', () => {
    const month = results.find((r) => r.label === 'personal month winRate')!.result;
    const week = results.find((r) => r.label === 'personal week winRate')!.result;
    const never = () => new Promise<Page>(() => undefined);
    renderPart(
      <ExplainPanel
        target={{ kpi: 'winRate', result: month, selection: { source: 'demo', view: 'personal', period: 'month' } }}
        currency="USD"
        loadRecords={never}
        onClose={vi.fn()}
      />,
      { timeZone: ZONE },
    );
    expect(screen.getByText('Period: December 2026')).toBeTruthy();
    cleanup();
    renderPart(
      <ExplainPanel
        target={{ kpi: 'winRate', result: week, selection: { source: 'demo', view: 'personal', period: 'week' } }}
        currency="USD"
        loadRecords={never}
        onClose={vi.fn()}
      />,
      { locale: 'ru', timeZone: ZONE },
    );
    // Mon 30 Nov – Sun 6 Dec 2026.
    expect(screen.getByText(/^Период: 30 нояб\. – 6 дек\.$/)).toBeTruthy();
  });
});
