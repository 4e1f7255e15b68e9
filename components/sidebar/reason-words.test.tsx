/**
 * Issue 15, "words a rep understands": the KPI engine's reasons (records left out, a number not defined)
 * are English prose shared with the CLI; on a Russian screen the known ones are Russian, an unknown one
 * is shown as the engine wrote it. The table of known reasons is checked against the engine's source,
 * so a new fixed reason without words fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENGINE_REASON_KEYS, translator } from '@/lib/i18n';
import { ExplainPanel } from './ExplainPanel';
import { ResultNote } from './ResultNote';
import { okResult } from './test-results';
import { renderPart, selection } from './test-support';

afterEach(cleanup);

const REASONS = Object.keys(ENGINE_REASON_KEYS);

describe('engine reasons in the UI language', () => {
  it('every fixed reason the engine writes in tally() or notDefined() has words', () => {
    const root = join(process.cwd(), 'lib/kpi');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const direct = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const match of source.matchAll(/(?:tally\([^,()]+,\s*|notDefined\()'([^'\n]+)'/g)) direct.add(match[1]!);
    }
    expect(direct.size).toBeGreaterThan(15);
    expect([...direct].filter((reason) => !REASONS.includes(reason))).toEqual([]);
  });

  it('the Russian explain panel lists every known left-out reason in Russian', () => {
    const excluded = REASONS.map((reason, i) => ({ count: i + 1, reason }));
    const result = okResult('winRate', 50, '%', {}, { numerator: 1, denominator: 2, recordCount: 2, excluded, recordType: 'deal' });
    renderPart(
      <ExplainPanel
        target={{ kpi: 'winRate', result, selection }}
        currency="USD"
        loadRecords={vi.fn(async () => ({ kpi: 'winRate', recordType: 'deal' as const, total: 0, listable: 0, offset: 0, rows: [] }))}
        onClose={vi.fn()}
      />,
      {
        locale: 'ru',
      },
    );
    const dialog = screen.getByRole('dialog');
    for (const reason of REASONS) {
      const ru = translator('ru')(ENGINE_REASON_KEYS[reason]!);
      expect(ru, reason).toMatch(/[а-яё]/i);
      expect(ru, reason).not.toBe(reason);
      expect(within(dialog).getByText(new RegExp(`: ${ru.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), reason).toBeTruthy();
      expect(within(dialog).queryByText(new RegExp(`: ${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)), reason).toBeNull();
    }
  });

  it.each([
    ['no deals closed in the period', 'ru', 'Не определено: за период не закрыто сделок'],
    ['no deals closed in the period', 'en', 'Not defined: no deals closed in the period'],
    // An unknown reason (data in it) is shown as the engine wrote it.
    ['no exchange rate for XYZ', 'ru', 'Не определено: no exchange rate for XYZ'],
  ] as const)('not defined "%s" in %s', (reason, locale, expected) => {
    renderPart(<ResultNote result={{ status: 'not-defined', reason } as never} fallback="-" />, { locale });
    expect(screen.getByText(expected)).toBeTruthy();
  });
});
