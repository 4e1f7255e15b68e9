import { DAY_MS } from '@/lib/period';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Responses } from '@/lib/messaging';
import { ExplainPanel } from './ExplainPanel';
import { needsData, okResult } from './test-results';
import { renderPart, selection } from './test-support';

type Page = Responses['records/get'];
const page = (offset: number, total: number, rows: Page['rows']): Page => ({
  kpi: 'leadConversionRate',
  recordType: 'lead',
  total,
  listable: total,
  offset,
  rows,
});
const lead = (id: string, url?: string) => ({ id, type: 'lead' as const, title: `Lead ${id}`, url, status: 'converted', at: Date.UTC(2026, 10, 3) });

describe('the explain panel', () => {
  it('shows the formula, "12 of 40 leads", the counts, what was left out, and the records with links', async () => {
    const result = okResult(
      'leadConversionRate',
      30,
      '%',
      {},
      {
        numerator: 12,
        denominator: 40,
        counts: { leads: 40, converted: 12, disqualified: 3 },
        recordCount: 40,
        excluded: [{ count: 2, reason: 'no created date' }],
        recordType: 'lead',
      },
    );
    const load = vi.fn(async (offset: number) =>
      offset === 0 ? page(0, 3, [lead('1', 'https://crm.example/leads/1'), lead('2', 'javascript:alert(1)')]) : page(2, 3, [lead('3')]),
    );
    renderPart(<ExplainPanel target={{ kpi: 'leadConversionRate', result, selection }} currency="USD" loadRecords={load} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog', { name: 'Lead conversion rate' });
    expect(within(dialog).getByText(/converted/i, { selector: 'p' })).toBeTruthy(); // the registry's formula
    expect(within(dialog).getByText('12 of 40 leads')).toBeTruthy();
    expect(within(dialog).getByText('40 leads')).toBeTruthy();
    expect(within(dialog).getByText('3 disqualified')).toBeTruthy();
    expect(within(dialog).getByText('2 records: no created date')).toBeTruthy();
    await within(dialog).findByText('Lead 1');
    const link = within(dialog).getByRole('link', { name: 'Lead 1' });
    expect(link.getAttribute('href')).toBe('https://crm.example/leads/1');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    // A link that is not http(s) is shown as text, never as a link.
    expect(within(dialog).getByText('Lead 2').closest('a')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Show more (2 of 3)' }));
    await within(dialog).findByText('Lead 3');
    expect(load).toHaveBeenCalledWith(2);
    expect(within(dialog).queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('names the CLV model used, and why BG/NBD was not', () => {
    const result = okResult(
      'clv',
      250_000,
      'USD',
      {},
      {
        method: 'historical',
        methodName: { en: 'Historical (revenue per customer so far)', ru: 'Историческая' },
        methodNote: 'none of the 8 customers has bought again',
      },
    );
    renderPart(<ExplainPanel target={{ kpi: 'clv', result, selection }} currency="USD" loadRecords={vi.fn()} onClose={vi.fn()} />, { locale: 'ru' });
    expect(screen.getByText('Историческая')).toBeTruthy();
    // The fit's own reason stays out of the panel: the rep reads what it means, in their language.
    expect(screen.getByText(/Модель покупательского поведения \(BG\/NBD\) не удалось построить/)).toBeTruthy();
    expect(screen.queryByText(/none of the 8 customers/)).toBeNull();
  });

  it('says what to enter when data is missing, and closes with Escape, returning focus', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    const onClose = vi.fn();
    renderPart(
      <ExplainPanel
        target={{ kpi: 'cac', result: needsData('cac', ['spend', 'customers']), selection, opener }}
        currency="USD"
        loadRecords={vi.fn()}
        onClose={onClose}
      />,
    );
    expect(screen.getByText('Needs data: spend, customers')).toBeTruthy();
    expect(screen.getByText(/Enter your sales and marketing spend/)).toBeTruthy();
    const close = screen.getByRole('button', { name: 'Close' });
    await waitFor(() => expect(document.activeElement).toBe(close));
    act(() => {
      fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    });
    expect(onClose).toHaveBeenCalledOnce();
    opener.remove();
  });

  it("shows each deal's own amount and the converted one, and the rates with their dates, flagging one older than 30 days", async () => {
    const DEC_6 = Date.UTC(2026, 11, 6);
    const result = okResult('pipelineValue', 1_300_000, 'USD', {}, { recordCount: 4, recordType: 'deal' });
    const deal = (id: string, amount: { minor: number; currency: string }, converted?: Page['rows'][number]['converted']) => ({
      id,
      type: 'deal' as const,
      title: `Deal ${id}`,
      status: 'open',
      amount,
      converted,
    });
    const load = vi.fn(async (): Promise<Page> => ({
      kpi: 'pipelineValue',
      recordType: 'deal',
      total: 4,
      listable: 4,
      offset: 0,
      rows: [
        deal('1', { minor: 500_000, currency: 'USD' }),
        deal('2', { minor: 100_000, currency: 'EUR' }, { ok: true, minor: 108_000, by: 'rate' }),
        deal('3', { minor: 50_000_000, currency: 'RUB' }, { ok: true, minor: 560_000, by: 'crm' }),
        deal('4', { minor: 9_900, currency: 'CHF' }, { ok: false, reason: 'no exchange rate for CHF' }),
      ],
      reporting: 'USD',
      rates: [
        { currency: 'CHF', by: 'none', reason: 'no exchange rate for CHF', records: 1 },
        { currency: 'EUR', by: 'rate', rate: 1.08, setAt: DEC_6 - 45 * DAY_MS, stale: true, records: 1 },
        { currency: 'GBP', by: 'rate', rate: 1.27, setAt: DEC_6 - DAY_MS, stale: false, records: 2 },
        { currency: 'RUB', by: 'crm', records: 1 },
      ],
    }));
    renderPart(<ExplainPanel target={{ kpi: 'pipelineValue', result, selection }} currency="USD" loadRecords={load} onClose={vi.fn()} />);
    const dialog = screen.getByRole('dialog');
    await within(dialog).findByText('Deal 2');
    const details = within(dialog)
      .getAllByRole('listitem')
      .filter((item) => item.textContent?.startsWith('Deal'))
      .map((item) => item.querySelector('.muted')?.textContent?.replace(/\s/g, ' '));
    expect(details).toEqual([
      'open · $5,000',
      'open · €1,000 = $1,080',
      'open · RUB 500,000 = $5,600, converted by the CRM',
      'open · CHF 99.00 (not in the total: no rate for CHF)',
    ]);
    const rates = within(dialog).getByRole('region', { name: 'Exchange rates' });
    expect(
      within(rates)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'CHF: no rate, left out of the total (1 record)',
      '1 EUR = 1.08 USD, entered Oct 22, 2026 (1 record) Older than 30 days: check it in Options → Money and time.',
      '1 GBP = 1.27 USD, entered Dec 5, 2026 (2 records)',
      'RUB → USD: converted by the CRM (1 record)',
    ]);
    expect(rates.querySelector('[data-rate="EUR"]')?.getAttribute('data-stale')).toBe('true');
    expect(rates.querySelector('[data-rate="GBP"]')?.getAttribute('data-stale')).toBe('false');
  });
});
