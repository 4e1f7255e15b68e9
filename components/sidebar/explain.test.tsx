import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Responses } from '@/lib/messaging';
import { ExplainPanel } from './ExplainPanel';
import { needsData, okResult } from './test-results';
import { renderPart, selection } from './test-support';

type Page = Responses['records/get'];
const page = (offset: number, total: number, rows: Page['rows']): Page => ({ kpi: 'leadConversionRate', recordType: 'lead', total, listable: total, offset, rows });
const lead = (id: string, url?: string) => ({ id, type: 'lead' as const, title: `Lead ${id}`, url, status: 'converted', at: Date.UTC(2026, 10, 3) });

describe('the explain panel', () => {
  it('shows the formula, "12 of 40 leads", the counts, what was left out, and the records with links', async () => {
    const result = okResult('leadConversionRate', 30, '%', {}, { numerator: 12, denominator: 40, counts: { leads: 40, converted: 12, disqualified: 3 }, recordCount: 40, excluded: [{ count: 2, reason: 'no created date' }], recordType: 'lead' });
    const load = vi.fn(async (offset: number) => (offset === 0 ? page(0, 3, [lead('1', 'https://crm.example/leads/1'), lead('2', 'javascript:alert(1)')]) : page(2, 3, [lead('3')])));
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
    const result = okResult('clv', 250_000, 'USD', {}, { method: 'historical', methodName: { en: 'Historical (revenue per customer so far)', ru: 'Историческая' }, methodNote: 'none of the 8 customers has bought again' });
    renderPart(<ExplainPanel target={{ kpi: 'clv', result, selection }} currency="USD" loadRecords={vi.fn()} onClose={vi.fn()} />, { locale: 'ru' });
    expect(screen.getByText('Историческая')).toBeTruthy();
    expect(screen.getByText('BG/NBD не удалось применить: none of the 8 customers has bought again')).toBeTruthy();
  });

  it('says what to enter when data is missing, and closes with Escape, returning focus', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    const onClose = vi.fn();
    renderPart(<ExplainPanel target={{ kpi: 'cac', result: needsData('cac', ['spend', 'customers']), selection, opener }} currency="USD" loadRecords={vi.fn()} onClose={onClose} />);
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
});
