import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KPI_IDS } from '@/lib/kpi';
import { Catalogue } from './Catalogue';
import { lowSampleResult, needsData, notDefined, notForOneRep, okResult } from './test-results';
import { renderPart, selection } from './test-support';

const results = {
  winRate: okResult('winRate', 40, '%', {}, { previous: { value: 50, change: -10, unit: 'pp' }, numerator: 4, denominator: 10 }),
  avgPurchaseValue: lowSampleResult('avgPurchaseValue', 5_700_000, 'USD', { n: 1, min: 5, unit: 'wonDeals' }),
  cac: needsData('cac', ['spend']),
  clv: notForOneRep('clv'),
  churn: notDefined('churn', 'no customers at period start'),
  pipelineValue: okResult('pipelineValue', 12_345_600, 'USD'),
  avgSalesCycle: okResult('avgSalesCycle', 12.25, 'days'),
  ltvToCac: okResult('ltvToCac', 3.456, 'ratio', {}, { judged: { status: 'on-track', against: 'ltv-to-cac', threshold: 3 } }),
};

describe('the catalogue', () => {
  it('lists every KPI once, grouped by family, with values in their units', () => {
    renderPart(<Catalogue results={results} selection={selection} loading={false} />);
    const families = screen.getAllByRole('group').map((group) => within(group).getByRole('heading').textContent);
    expect(families).toEqual(['Activity', 'Pipeline', 'Conversion', 'Revenue', 'Customers']);
    expect(document.querySelectorAll('[data-kpi-row]')).toHaveLength(KPI_IDS.length);
    const row = (id: string) => document.querySelector(`[data-kpi-row="${id}"]`) as HTMLElement;
    expect(within(row('winRate')).getByText('40%')).toBeTruthy();
    // 50 % → 40 % is −10 percentage points, bad news for a win rate.
    expect(within(row('winRate')).getByText('-10 pp vs previous period').className).toContain('change-bad');
    // One won deal: the average is shown muted with its n.
    expect(within(row('avgPurchaseValue')).getByText('$57,000').className).toContain('low-sample');
    expect(within(row('avgPurchaseValue')).getByText('1 won deal')).toBeTruthy();
    // A team figure in a rep's view says where it is, not "not defined".
    expect(within(row('clv')).getByText('Team view')).toBeTruthy();
    expect(within(row('pipelineValue')).getByText('$123,456')).toBeTruthy();
    expect(within(row('avgSalesCycle')).getByText('12.3 days')).toBeTruthy();
    expect(within(row('ltvToCac')).getByText('3.46 : 1')).toBeTruthy();
    expect(within(row('ltvToCac')).getByText('On track')).toBeTruthy();
    expect(within(row('cac')).getByText('Needs spend')).toBeTruthy();
    expect(within(row('churn')).getByText('Not defined')).toBeTruthy();
  });

  it('pins and explains from each row', () => {
    const { actions } = renderPart(<Catalogue results={results} selection={selection} loading={false} />, { actions: { pinned: ['pipelineValue'] } });
    fireEvent.click(screen.getByRole('button', { name: 'Pin Win rate' }));
    expect(actions.togglePin).toHaveBeenCalledWith('winRate');
    expect(screen.getByRole('button', { name: 'Unpin Pipeline value' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'How is “Win rate” computed?' }));
    expect(actions.explain).toHaveBeenCalledWith(expect.objectContaining({ kpi: 'winRate', result: results.winRate }));
  });

  it('is in Russian with Russian names and formats', () => {
    renderPart(<Catalogue results={results} selection={selection} loading={false} />, { locale: 'ru' });
    expect(screen.getByRole('heading', { name: 'Все показатели' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Конверсия' })).toBeTruthy();
    const row = document.querySelector('[data-kpi-row="pipelineValue"]') as HTMLElement;
    expect(row.querySelector('.figure')?.textContent?.replace(/\s/g, ' ')).toBe('123 456 $');
    expect(within(document.querySelector('[data-kpi-row="cac"]') as HTMLElement).getByText('Нужны данные: расходы')).toBeTruthy();
  });
});
