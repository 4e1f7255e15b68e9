import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../common/i18n';
import { ActivityCard } from './ActivityCard';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';
import { Sidebar, type SidebarProps } from './Sidebar';
import { needsData, okResult } from './test-results';

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

  it('shows quota attainment with pace, projection and status', () => {
    const result = okResult('quotaAttainment', 62.5, '%', { sales: 6_250_000, quota: 10_000_000, expectedPct: 70, projectedPct: 89.3 }, { target: { value: 10_000_000, status: 'at-risk' } });
    wrap(<QuotaCard result={result} currency="USD" />);
    expect(screen.getByText('62.5%')).toBeTruthy();
    expect(screen.getByText('$62,500 of $100,000')).toBeTruthy();
    expect(screen.getByText('Where you should be today: 70%')).toBeTruthy();
    expect(screen.getByText('Projected at period end: 89.3%')).toBeTruthy();
    expect(screen.getByText('At risk')).toBeTruthy();
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('63');
  });

  it('says what is missing when there is no quota', () => {
    wrap(<QuotaCard result={needsData('quotaAttainment', ['quotas'])} currency="USD" />);
    expect(screen.getByText('Needs data: quotas')).toBeTruthy();
  });

  it('shows total and weighted pipeline with the open deal count, in Russian too', () => {
    const pipeline = okResult('pipelineValue', 12_345_600, 'USD', { weighted: 4_000_000 });
    const deals = okResult('dealsInPipeline', 21, 'count');
    wrap(<PipelineCard pipeline={pipeline} deals={deals} />, 'ru');
    expect(screen.getByText('Воронка')).toBeTruthy();
    expect(screen.getByText('21 открытая сделка')).toBeTruthy();
    expect(document.querySelector('[data-kpi="pipeline.total"]')?.textContent?.replace(/\s/g, ' ')).toBe('123 456 $');
  });
});

describe('sidebar', () => {
  const base: SidebarProps = {
    ui: { open: true, width: 360, view: 'personal', period: 'month' },
    onUiChange: vi.fn(),
    view: null,
    loaded: true,
    activityTargets: noTargets,
    reportingCurrency: 'USD',
    status: { records: 0, quarantined: 0, syncing: false },
    hasData: false,
    teamAvailable: true,
    onExploreDemo: vi.fn(),
  };

  it('offers the demo data when there is nothing yet', () => {
    const onExploreDemo = vi.fn();
    wrap(<Sidebar {...base} onExploreDemo={onExploreDemo} />);
    fireEvent.click(screen.getByRole('button', { name: 'Explore with demo data' }));
    expect(onExploreDemo).toHaveBeenCalledOnce();
  });

  it('has stable accessible names for the view switch and the period picker', () => {
    const onUiChange = vi.fn();
    wrap(<Sidebar {...base} onUiChange={onUiChange} />);
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'View' })).getByRole('radio', { name: 'Team' }));
    expect(onUiChange).toHaveBeenCalledWith({ view: 'team' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'quarter' } });
    expect(onUiChange).toHaveBeenCalledWith({ period: 'quarter' });
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
