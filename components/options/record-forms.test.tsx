import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KpiData } from '@/lib/kpi';
import { buildOptionsOverview, loadSettings } from '@/lib/settings';
import { I18nProvider } from '../common/i18n';
import type { OptionsApi } from './api';
import { InputsSection } from './sections/InputsSection';
import { TargetsSection } from './sections/TargetsSection';
import { OptionsScope } from './scope';
import { overviewOf, useOptions } from './store';
import { emptyData, fakeOptionsApi } from './test-api';

// The machine running CI is shared and busy: give asynchronous UI updates time.
configure({ asyncUtilTimeout: 10_000 });

const base = { source: 'demo', updatedAt: 1 };

function crmData(): KpiData {
  return {
    ...emptyData(),
    owners: [
      { ...base, externalId: 'u1', name: 'Anna Petrova', role: 'rep', active: true },
      { ...base, externalId: 'u2', name: 'Boris Ivanov', role: 'rep', active: true },
    ],
    quotas: [
      {
        ...base,
        externalId: 'goal-7',
        ownerId: 'u1',
        periodKind: 'month',
        startDate: '2017-06-01',
        endDate: '2017-07-01',
        amount: { minor: 5_000_000, currency: 'USD' },
      },
    ],
    targets: [{ ...base, externalId: 'crm-calls', ownerId: 'u1', metric: 'calls', per: 'day', value: 30 }],
    products: [{ ...base, externalId: 'p1', name: 'Widget', unitCost: { minor: 500, currency: 'USD' } }],
  };
}

/** Renders a section the way the page does: in the page's store, with the overview the (fake) background builds, kept current. */
function Live({ api, section }: { api: OptionsApi; data: KpiData; section: 'targets' | 'inputs' }) {
  return (
    <I18nProvider locale="en" timeZone="UTC">
      <OptionsScope api={api}>
        <Loader section={section} />
      </OptionsScope>
    </I18nProvider>
  );
}

function Loader({ section }: { section: 'targets' | 'inputs' }) {
  const settings = useOptions((state) => state.settings);
  const overview = useOptions(overviewOf);
  if (!settings) return null;
  return section === 'targets' ? (
    <TargetsSection source="demo" settings={settings} overview={overview} />
  ) : (
    <InputsSection source="demo" settings={settings} overview={overview} />
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  // The signed-in rep of the source is the quota form's first choice.
  void fakeBrowser.storage.local.set({ settings: { version: 2, currentOwner: { demo: 'u1' } } });
});

describe('quotas', () => {
  it('shows the CRM quota marked as such, and a quota set here replaces it', async () => {
    const data = crmData();
    const api = fakeOptionsApi(data);
    render(<Live api={api} data={data} section="targets" />);
    const crmRow = await screen.findByRole('row', { name: /Anna Petrova.*June 2017/ });
    expect(within(crmRow).getByText('From the CRM')).toBeTruthy();
    expect(within(crmRow).queryByRole('button', { name: /Delete/ })).toBeNull(); // a CRM goal is not ours to delete

    // The current month for the signed-in rep is chosen already; an empty amount is refused beside the field.
    expect((screen.getByLabelText('Rep or team') as HTMLSelectElement).value).toBe('rep:u1');
    expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('2017-06');
    fireEvent.click(screen.getByRole('button', { name: 'Save quota' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(screen.getByLabelText('Amount').getAttribute('aria-describedby')).toBe('quota-amount-error');
    expect(document.getElementById('quota-amount-error')?.textContent).toBe('Enter an amount above 0, e.g. 12500 or 12 500,50.');
    expect(api.saveRecord).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '80 000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save quota' }));
    await screen.findByText('Saved.');
    expect(data.quotas.map((q) => [q.externalId, q.amount.minor])).toEqual([
      ['goal-7', 5_000_000],
      ['manual:quota:rep:u1:month:2017-06-01:2017-07-01', 8_000_000],
    ]);
    await waitFor(() => expect(within(screen.getByRole('row', { name: /Anna Petrova.*June 2017.*From the CRM/ })).getByText(/replaced by yours/)).toBeTruthy());
    expect(within(screen.getByRole('row', { name: /\$80,000/ })).getByText('Yours')).toBeTruthy();
  });

  it('edits and deletes a quota set here', async () => {
    const data = crmData();
    const api = fakeOptionsApi(data);
    render(<Live api={api} data={data} section="targets" />);
    fireEvent.change(await screen.findByLabelText('Period type'), { target: { value: 'quarter' } });
    expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('2017-Q2');
    fireEvent.change(screen.getByLabelText('Rep or team'), { target: { value: 'rep:u2' } });
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '150000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save quota' }));
    const edit = await screen.findByRole('button', { name: /Edit Boris Ivanov Quarter/ });
    fireEvent.click(edit);
    expect((screen.getByLabelText('Amount') as HTMLInputElement).value).toBe('150000');
    expect((screen.getByLabelText('Period') as HTMLSelectElement).value).toBe('2017-Q2');
    fireEvent.click(screen.getByRole('button', { name: /Delete Boris Ivanov Quarter/ }));
    await waitFor(() => expect(data.quotas.map((q) => q.externalId)).toEqual(['goal-7']));
  });
});

describe('activity targets', () => {
  it('checks all four before writing any: one bad value saves none', async () => {
    const data = crmData();
    const api = fakeOptionsApi(data);
    render(<Live api={api} data={data} section="targets" />);
    expect(await screen.findByText('From the CRM: 30 per day')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Calls per day'), { target: { value: '40' } });
    fireEvent.change(screen.getByLabelText('Demos per week'), { target: { value: 'three' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save targets' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(document.getElementById('target-demos-error')?.textContent).toBe('Enter a number of 0 or more.');
    expect(api.saveRecord).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Demos per week'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save targets' }));
    await screen.findByText('Saved.');
    expect(data.targets.map((t) => [t.externalId, t.per, t.value])).toEqual([
      ['crm-calls', 'day', 30],
      ['manual:target:rep:u1:calls', 'day', 40],
      ['manual:target:rep:u1:demos', 'week', 3],
    ]);
    // The overview now marks the CRM calls target as replaced (what the KPIs will use).
    expect(buildOptionsOverview('demo', data, await loadSettings()).targets.find((t) => t.externalId === 'crm-calls')?.overridden).toBe(true);
  });
});

describe('spend and costs', () => {
  it('adds spend for a month and channel, refusing a negative amount first', async () => {
    const data = crmData();
    const api = fakeOptionsApi(data);
    render(<Live api={api} data={data} section="inputs" />);
    fireEvent.change(await screen.findByLabelText('Month'), { target: { value: '2017-05' } });
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'event' } });
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '-100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save spend' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(data.spend).toEqual([]);
    fireEvent.change(screen.getByLabelText('Amount'), { target: { value: '2500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save spend' }));
    await waitFor(() =>
      expect(data.spend).toMatchObject([{ externalId: 'manual:spend:2017-05:marketing:event', amount: { minor: 250_000, currency: 'USD' } }]),
    );
    expect(await screen.findByRole('row', { name: /2017-05.*Marketing.*Event.*\$2,500/ })).toBeTruthy();
  });

  it('sets a product cost next to the CRM one, and a default margin that must be a percentage', async () => {
    const data = crmData();
    const api = fakeOptionsApi(data);
    render(<Live api={api} data={data} section="inputs" />);
    fireEvent.change(await screen.findByLabelText('Unit cost'), { target: { value: '6.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save cost' }));
    await waitFor(() => expect(within(screen.getByRole('row', { name: /Widget/ })).getByText('$6.50')).toBeTruthy());
    expect(within(screen.getByRole('row', { name: /Widget/ })).getByText('$5.00')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Default margin, %'), { target: { value: '140' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' }).at(-1)!);
    await screen.findByText('Enter a percentage from 0 to 100, or leave it empty.');
    expect((await loadSettings()).defaultMarginPct).toBeUndefined();
    fireEvent.change(screen.getByLabelText('Default margin, %'), { target: { value: '35' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' }).at(-1)!);
    await waitFor(async () => expect((await loadSettings()).defaultMarginPct).toBe(35));
  });
});
