import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings, loadSettings, saveSettings, SETTINGS_KEY } from '@/lib/settings';
import { I18nProvider } from '../common/i18n';
import { OptionsApiContext } from './api';
import { BenchmarksSection } from './sections/BenchmarksSection';
import { MoneyTimeSection } from './sections/MoneyTimeSection';
import { SidebarSection } from './sections/SidebarSection';
import { WhatCountsSection } from './sections/WhatCountsSection';
import { emptyData, fakeOptionsApi } from './test-api';

// The machine running CI is shared and busy: give asynchronous UI updates time.
configure({ asyncUtilTimeout: 10_000 });

const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined;

function show(node: ReactNode, locale: 'en' | 'ru' = 'en') {
  const api = fakeOptionsApi(emptyData());
  return render(
    <OptionsApiContext.Provider value={api}>
      <I18nProvider locale={locale} timeZone="UTC">
        {node}
      </I18nProvider>
    </OptionsApiContext.Provider>,
  );
}

/** The error shown beside a field: the element its input's aria-describedby points at. */
function errorBeside(field: HTMLElement): string | null {
  expect(field.getAttribute('aria-invalid')).toBe('true');
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const error = ids.map((id) => document.getElementById(id)).find((element) => element?.classList.contains('field-error'));
  return error?.textContent ?? null;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await saveSettings({ rates: { EUR: 1.08 }, staleDays: 21 });
});

describe('money and time form', () => {
  it('shows each invalid field with its error beside it and saves nothing, not even the valid fields', async () => {
    const before = await stored();
    show(<MoneyTimeSection settings={await loadSettings()} overview={undefined} />);
    fireEvent.change(screen.getByLabelText('Reporting currency'), { target: { value: 'EURO' } });
    fireEvent.change(screen.getByLabelText('Time zone'), { target: { value: 'Europe/Atlantis' } });
    fireEvent.change(screen.getByLabelText('Weeks start on'), { target: { value: '0' } }); // valid on its own
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(errorBeside(screen.getByLabelText('Reporting currency'))).toBe('Enter a 3-letter currency code such as USD or EUR.');
    expect(errorBeside(screen.getByLabelText('Time zone'))).toBe('Enter a time zone such as Europe/Berlin, or auto.');
    expect(await stored()).toEqual(before);
  });

  it('refuses a rate that is not a number beside that rate, and saves a fixed form whole', async () => {
    show(<MoneyTimeSection settings={await loadSettings()} overview={undefined} />);
    const rate = screen.getByLabelText('USD per 1 EUR');
    fireEvent.change(rate, { target: { value: 'one point one' } });
    fireEvent.change(screen.getByLabelText('Fiscal year starts in'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(errorBeside(screen.getByLabelText('USD per 1 EUR'))).toBe('Enter a rate above 0, e.g. 1.08 (or leave it empty).');
    expect((await stored())?.fiscalYearStartMonth).toBe(1);

    fireEvent.change(screen.getByLabelText('USD per 1 EUR'), { target: { value: '1,1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await stored()).toMatchObject({ rates: { EUR: 1.1 }, fiscalYearStartMonth: 4 });
  });

  it('lists the currencies in the data with the records each missing rate leaves out', async () => {
    const overview = {
      currencies: [
        { code: 'RUB', records: 12, leftOut: 5 },
        { code: 'EUR', records: 3, leftOut: 0 },
      ],
    };
    show(<MoneyTimeSection settings={await loadSettings()} overview={overview as never} />);
    const rub = screen.getByRole('row', { name: /RUB/ });
    expect(within(rub).getByText(/12 records/).textContent).toBe('12 records · 5 left out without a rate');
    expect(within(screen.getByRole('row', { name: /EUR/ })).queryByText(/left out/)).toBeNull();
  });

  it('speaks Russian, errors included', async () => {
    show(<MoneyTimeSection settings={await loadSettings()} overview={undefined} />, 'ru');
    fireEvent.change(screen.getByLabelText('Валюта отчётов'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }));
    await screen.findByText('Ничего не сохранено: исправьте отмеченные поля.');
    expect(errorBeside(screen.getByLabelText('Валюта отчётов'))).toBe('Введите трёхбуквенный код валюты, например USD или EUR.');
  });
});

describe('what counts form', () => {
  it('keeps every rule unsaved while stale days is invalid', async () => {
    const before = await stored();
    const overview = {
      meetingTypes: [{ type: 'product_tour', count: 4 }],
      stages: [{ id: 's2', name: 'Qualified', pipeline: 'Sales', order: 2 }],
      channels: [],
      regions: { deal: 0, 'customer-region': 3, 'customer-country': 5 },
    };
    show(<WhatCountsSection settings={await loadSettings()} overview={overview as never} source="demo" />);
    fireEvent.click(screen.getByLabelText(/product_tour/));
    fireEvent.click(screen.getByLabelText('Sales · Qualified'));
    fireEvent.click(screen.getByLabelText(/the customer's country/));
    fireEvent.change(screen.getByLabelText(/stale after/), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(errorBeside(screen.getByLabelText(/stale after/))).toBe('Enter a whole number of days from 1 to 365.');
    expect(await stored()).toEqual(before);

    fireEvent.change(screen.getByLabelText(/stale after/), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await stored()).toMatchObject({
      staleDays: 30,
      demoActivityTypes: ['product_tour'],
      sqlStageIds: { demo: ['s2'] },
      regionField: 'customer-country',
    });
  });

  it('sets the minimum samples; 0 is refused beside its field and nothing is saved', async () => {
    show(<WhatCountsSection settings={await loadSettings()} overview={undefined} source="demo" />);
    const closed = screen.getByLabelText('Closed deals (win rate, sales velocity, funnel)') as HTMLInputElement;
    expect(closed.value).toBe('10'); // the documented default
    const before = await stored();
    fireEvent.change(closed, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(errorBeside(closed)).toBe('Enter a whole number from 1 to 1,000.');
    expect(await stored()).toEqual(before);
    fireEvent.change(closed, { target: { value: '6' } });
    fireEvent.change(screen.getByLabelText('Won deals (average deal size, sales cycle, margin, growth, quota projection)'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect((await stored())?.minSample).toEqual({ closedDeals: 6, wonDeals: 3, leads: 20, customers: 10, emails: 20 });
  });

  it('puts a blank-only keyword list error beside the keywords', async () => {
    show(<WhatCountsSection settings={{ ...(await loadSettings()), demoKeywords: [] }} overview={undefined} source="demo" />);
    fireEvent.change(screen.getByLabelText('Demo and trial keywords'), { target: { value: 'demo\nDemo' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(errorBeside(screen.getByLabelText('Demo and trial keywords'))).toBe('Each entry once, none of them blank.');
  });
});

describe('benchmarks form', () => {
  it('switches benchmarks and sets a target on any KPI; an invalid target saves nothing', async () => {
    show(<BenchmarksSection settings={await loadSettings()} />);
    fireEvent.click(screen.getByLabelText(/30\/30\/50/));
    fireEvent.change(screen.getByLabelText('Add a target for'), { target: { value: 'winRate' } });
    const value = screen.getByLabelText('Target for Win rate, %');
    fireEvent.change(value, { target: { value: 'a lot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Nothing was saved: fix the fields marked.');
    expect(screen.getByLabelText('Target for Win rate, %').getAttribute('aria-invalid')).toBe('true');
    expect((await stored())?.benchmarks.coldEmail).toBe(true);

    fireEvent.change(screen.getByLabelText('Target for Win rate, %'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await stored()).toMatchObject({
      benchmarks: { coldEmail: false, ltvToCac: true, userDefined: true },
      kpiTargets: [{ kpi: 'winRate', comparison: 'at-least', value: 25 }],
    });
  });
});

describe('pinned KPIs', () => {
  it('reorders with the keyboard, announces each move and saves the order', async () => {
    show(<SidebarSection settings={await loadSettings()} />);
    const names = () =>
      within(screen.getByRole('list', { name: 'Pinned KPIs' }))
        .getAllByRole('listitem')
        .map((item) => item.querySelector('.pinned-name')?.textContent);
    expect(names()).toEqual(['Calls, emails and meetings', 'Quota attainment', 'Pipeline value']);
    const down = screen.getByRole('button', { name: 'Move Calls, emails and meetings down' });
    down.focus();
    // A keyboard user presses Enter on a focused button: the browser turns that into a click.
    fireEvent.keyDown(down, { key: 'Enter' });
    fireEvent.click(down);
    expect(names()).toEqual(['Quota attainment', 'Calls, emails and meetings', 'Pipeline value']);
    expect(screen.getByText('Calls, emails and meetings moved to position 2 of 3.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Move Quota attainment up' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('Pin a KPI'), { target: { value: 'winRate' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unpin Pipeline value' }));
    fireEvent.click(screen.getByLabelText(/Show peers' numbers/));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await stored()).toMatchObject({ pinnedKpis: ['quotaAttainment', 'activityCounts', 'winRate'], showPeerNumbers: true });
  });

  it('covers the CRM page by default; pushing it aside is an option, saved, in English and Russian', async () => {
    expect((await loadSettings()).sidebarPlacement).toBe('overlay');
    const view = show(<SidebarSection settings={await loadSettings()} />);
    const placement = screen.getByLabelText('The sidebar on the CRM page') as HTMLSelectElement;
    expect(placement.value).toBe('overlay');
    fireEvent.change(placement, { target: { value: 'push' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(await stored()).toMatchObject({ sidebarPlacement: 'push' });
    view.unmount();
    show(<SidebarSection settings={await loadSettings()} />, 'ru');
    const russian = screen.getByLabelText('Боковая панель на странице CRM') as HTMLSelectElement;
    expect(russian.value).toBe('push');
    expect([...russian.options].map((option) => option.textContent)).toEqual([
      'Закрывает правый край страницы (вёрстка страницы не меняется)',
      'Сдвигает страницу (ничего не закрыто; страница CRM перестраивается при каждом открытии и изменении ширины)',
    ]);
  });

  it("says the peers option is this browser's own, and that the CRM's permissions are what limit a rep (en, ru)", async () => {
    const view = show(<SidebarSection settings={await loadSettings()} />);
    expect(screen.getByRole('heading', { name: "Peers' numbers in this browser" })).toBeTruthy();
    expect(screen.getByText(/setting of this browser only, not a team rule/)).toBeTruthy();
    expect(screen.getByText(/decided by the CRM's own permissions on the rep's account/)).toBeTruthy();
    // The old wording promised a lead's control that does not exist.
    expect(screen.queryByText(/team lead's choice/i)).toBeNull();
    view.unmount();
    show(<SidebarSection settings={await loadSettings()} />, 'ru');
    expect(screen.getByRole('heading', { name: 'Цифры коллег в этом браузере' })).toBeTruthy();
    expect(screen.getByText(/настройка только этого браузера, а не правило команды/)).toBeTruthy();
    expect(screen.getByText(/решают права доступа в самой CRM для его учётной записи/)).toBeTruthy();
    expect(screen.queryByText(/Решение руководителя/)).toBeNull();
  });

  it('starts again from the stored order when another page changes it', async () => {
    const view = show(<SidebarSection settings={await loadSettings()} />);
    const changed = { ...DEFAULT_SETTINGS, pinnedKpis: ['winRate' as const] };
    await act(async () => {
      view.rerender(
        <OptionsApiContext.Provider value={fakeOptionsApi(emptyData())}>
          <I18nProvider locale="en" timeZone="UTC">
            <SidebarSection settings={changed} />
          </I18nProvider>
        </OptionsApiContext.Provider>,
      );
    });
    await waitFor(() => expect(screen.getAllByRole('listitem').map((item) => item.querySelector('.pinned-name')?.textContent)).toEqual(['Win rate']));
  });
});
