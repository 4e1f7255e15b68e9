import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../common/i18n';
import { ActivityCard } from './ActivityCard';
import { KpiCard } from './KpiCard';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';
import { Sidebar, type SidebarProps } from './Sidebar';
import { needsData, okResult } from './test-results';
import { renderPart, selection } from './test-support';

const wrap = (node: React.ReactNode, locale: 'en' | 'ru' = 'en') => render(<I18nProvider locale={locale} timeZone="UTC">{node}</I18nProvider>);
const noTargets = { call: { day: undefined, week: undefined, month: undefined }, email: { day: undefined, week: undefined, month: undefined }, meeting: { day: undefined, week: undefined, month: undefined } };

describe('sidebar cards', () => {
  it('shows calls, emails and meetings for today, week and month against targets', () => {
    const counts = {
      day: okResult('activityCounts', 9, 'count', { call: 5, email: 3, meeting: 1 }),
      week: okResult('activityCounts', 60, 'count', { call: 30, email: 25, meeting: 5 }),
      month: okResult('activityCounts', 200, 'count', { call: 120, email: 70, meeting: 10 }),
    };
    const targets = { ...noTargets, call: { day: 40, week: 200, month: 840 } };
    const { container } = wrap(<ActivityCard counts={counts} targets={targets} />);
    const callsRow = screen.getByRole('row', { name: /Calls/ });
    expect(within(callsRow).getAllByRole('cell').map((cell) => cell.querySelector('.figure')?.textContent)).toEqual(['5', '30', '120']);
    expect(within(callsRow).getByText('target 40')).toBeTruthy();
    // 5 calls against 40 today is behind; emails have no target, so nothing to be behind of.
    expect(container.querySelectorAll('td.behind')).toHaveLength(3);
    expect(container.querySelector('[data-kpi="activity.meeting.month"]')?.getAttribute('data-value')).toBe('10');
  });

  it('shows quota attainment with pace, projection, status and the change', () => {
    const result = okResult('quotaAttainment', 62.5, '%', { sales: 6_250_000, quota: 10_000_000, expectedPct: 70, projectedPct: 89.3 }, { target: { value: 10_000_000, status: 'at-risk' }, previous: { value: 50, change: 25 } });
    renderPart(<QuotaCard result={result} currency="USD" selection={selection} />);
    expect(screen.getByText('62.5%')).toBeTruthy();
    expect(screen.getByText('$62,500 of $100,000')).toBeTruthy();
    expect(screen.getByText('Where you should be today: 70%')).toBeTruthy();
    expect(screen.getByText('Projected at period end: 89.3%')).toBeTruthy();
    expect(screen.getByText('At risk')).toBeTruthy();
    // 62.5 against 50 the month before: +25 % relative, good news for attainment.
    expect(screen.getByText('+25% vs previous period').className).toContain('change-good');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('63');
  });

  it('says what is missing and what to do when there is no quota', () => {
    wrap(<QuotaCard result={needsData('quotaAttainment', ['quotas'])} currency="USD" />);
    expect(screen.getByText('Needs data: quotas')).toBeTruthy();
    expect(screen.getByText(/Enter a quota in Options → Targets/)).toBeTruthy();
  });

  it('shows total and weighted pipeline with the open deal count, in Russian too', () => {
    const pipeline = okResult('pipelineValue', 12_345_600, 'USD', { weighted: 4_000_000 });
    const deals = okResult('dealsInPipeline', 21, 'count');
    wrap(<PipelineCard pipeline={pipeline} deals={deals} />, 'ru');
    expect(screen.getByText('Воронка')).toBeTruthy();
    expect(screen.getByText('21 открытая сделка')).toBeTruthy();
    expect(document.querySelector('[data-kpi="pipeline.total"]')?.textContent?.replace(/\s/g, ' ')).toBe('123 456 $');
  });

  it('shows any pinned KPI with a rising churn in red, and its pin and explain buttons', () => {
    // Churn 6 % against 4 % before: +50 %, bad news since lower churn is better.
    const churn = okResult('churn', 6, '%', {}, { previous: { value: 4, change: 50 } });
    const { actions } = renderPart(<KpiCard id="churn" result={churn} selection={selection} />, { actions: { pinned: ['churn'] } });
    expect(screen.getByRole('heading', { name: 'Churn' })).toBeTruthy();
    expect(screen.getByText('6%')).toBeTruthy();
    expect(screen.getByText('+50% vs previous period').className).toContain('change-bad');
    fireEvent.click(screen.getByRole('button', { name: 'Unpin Churn' }));
    expect(actions.togglePin).toHaveBeenCalledWith('churn');
    fireEvent.click(screen.getByRole('button', { name: 'How is “Churn” computed?' }));
    expect(actions.explain).toHaveBeenCalledWith(expect.objectContaining({ kpi: 'churn', result: churn, selection }));
  });
});

describe('sidebar', () => {
  const base: SidebarProps = {
    ui: { open: true, width: 360, view: 'personal', period: 'month' },
    onUiChange: vi.fn(),
    prefs: { compare: 'previous', metric: 'wonAmount' },
    onPrefs: vi.fn(),
    response: undefined,
    status: { records: 0, quarantined: 0, syncing: false },
    hasData: false,
    pinned: ['activityCounts', 'quotaAttainment', 'pipelineValue'],
    onTogglePin: vi.fn(),
    onExploreDemo: vi.fn(),
    onExportSummary: vi.fn(),
    drawCharts: false,
  };
  const empty = { pinned: null, teamAvailable: true, peersHidden: false, canSeePeers: false, activityTargets: noTargets, reportingCurrency: 'USD', status: null, display: { locale: 'en' as const, theme: 'auto' as const, timeZone: 'UTC', pinnedKpis: [] } };

  it('offers the demo data when there is nothing yet', () => {
    const onExploreDemo = vi.fn();
    wrap(<Sidebar {...base} response={empty} onExploreDemo={onExploreDemo} />);
    fireEvent.click(screen.getByRole('button', { name: 'Explore with demo data' }));
    expect(onExploreDemo).toHaveBeenCalledOnce();
  });

  it('has stable accessible names for the view switch, the period picker, the comparison and the summary export', () => {
    const onUiChange = vi.fn();
    const onPrefs = vi.fn();
    const onExportSummary = vi.fn();
    wrap(<Sidebar {...base} response={empty} onUiChange={onUiChange} onPrefs={onPrefs} onExportSummary={onExportSummary} />);
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'View' })).getByRole('radio', { name: 'Team' }));
    expect(onUiChange).toHaveBeenCalledWith({ view: 'team' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'quarter' } });
    expect(onUiChange).toHaveBeenCalledWith({ period: 'quarter' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Compare with' }), { target: { value: 'last-year' } });
    expect(onPrefs).toHaveBeenCalledWith({ compare: 'last-year' });
    fireEvent.click(screen.getByRole('button', { name: 'Export weekly summary' }));
    expect(onExportSummary).toHaveBeenCalledOnce();
  });

  it('asks for custom dates and refuses a backwards range', () => {
    const onPrefs = vi.fn();
    wrap(<Sidebar {...base} response={empty} ui={{ ...base.ui, period: 'custom' }} onPrefs={onPrefs} />);
    const apply = screen.getByRole('button', { name: 'Apply' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    expect(screen.getByRole('alert').textContent).toContain('must end on or after');
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } });
    fireEvent.click(apply);
    expect(onPrefs).toHaveBeenCalledWith({ range: { from: '2026-11-10', to: '2026-11-20' } });
  });

  it('shows sync progress, the quarantine count and what to do about a problem', () => {
    wrap(
      <Sidebar
        {...base}
        hasData
        status={{ records: 500, quarantined: 2, syncing: true, progress: { object: 'deals', records: 500, objectIndex: 3, objectCount: 10 }, problem: { message: 'Pipedrive refused the credentials (HTTP 401)', userAction: 'Sign in to Pipedrive again.' } }}
      />,
    );
    expect(screen.getByText('Syncing deals… 500 records')).toBeTruthy();
    expect(screen.getByText('2 records could not be read')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Sign in to Pipedrive again.');
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(3);
  });
});
