/**
 * Issue 15, "words a rep understands": a quota's and a spend's row in the records list name their days
 * in the UI language ("November 2026", "ноябрь 2026 г."), not as ISO codes ("2026-11-01 – 2026-11-30").
 * The rows come from the real record page over the demo data.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '@/lib/demo';
import { recordPage } from '@/lib/views';
import { RecordList } from './RecordList';
import { renderPart } from './test-support';

const ZONE = 'Europe/Berlin';
const AS_OF = Date.UTC(2026, 11, 6, 20);
const data = generateDemoData({ asOf: AS_OF, seed: 20_240_601, timeZone: ZONE, source: 'demo', scale: 0.5 });
const quota = data.quotas.find((q) => q.periodKind === 'month' && q.startDate === '2026-11-01')!;
const spend = data.spend.find((s) => s.month === '2026-11')!;

afterEach(cleanup);

// [type, id, locale, expected title]: a whole month is the month's name; the zone-free dates stay the same days in any zone.
const CASES = [
  ['quota', () => quota.externalId, 'en', 'November 2026'],
  ['quota', () => quota.externalId, 'ru', 'ноябрь 2026 г.'],
  ['spend', () => spend.externalId, 'en', 'November 2026'],
  ['spend', () => spend.externalId, 'ru', 'ноябрь 2026 г.'],
] as const;

describe('record list: quota and spend rows in words', () => {
  it('the demo data has a November quota and spend to list', () => {
    expect(quota).toBeDefined();
    expect(spend).toBeDefined();
  });

  it.each(CASES)('%s row in %s', async (type, id, locale, expected) => {
    const page = recordPage(data, type, [id()], 0, 10);
    // The row still carries the dates as data; only the screen turns them into words.
    expect(page.rows[0]!.span).toBeDefined();
    renderPart(<RecordList load={async () => page} titleId="t" />, { locale, timeZone: 'Pacific/Honolulu' });
    const item = await waitFor(() => screen.getByRole('listitem'));
    expect(item.textContent).not.toMatch(/\d{4}-\d{2}/);
    expect(item.textContent).toContain(expected);
  });
});
