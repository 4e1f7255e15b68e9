import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DiscardedNotice } from '../common/DiscardedNotice';
import { renderPart } from './test-support';

/** 14:05 in Berlin on 3 March 2026. */
const AT = Date.UTC(2026, 2, 3, 13, 5);

describe('the notice that the browser discarded KPI Lens’s data', () => {
  it('says what happened, when, what comes back by itself and what to do, in English; dismissing calls back', () => {
    const dismiss = vi.fn();
    renderPart(<DiscardedNotice notice={{ at: AT }} onDismiss={dismiss} />, { timeZone: 'Europe/Berlin' });
    expect(screen.getByRole('status').textContent).toMatch(/The browser discarded KPI Lens’s local data/);
    expect(screen.getByText(/replaced its database with an empty one/).textContent).toMatch(/14:05|2:05/);
    expect(screen.getByText(/sync again by themselves/).textContent).toMatch(/connected with a token and imported files/);
    fireEvent.click(screen.getByRole('button', { name: 'Got it' }));
    expect(dismiss).toHaveBeenCalledOnce();
  });

  it('and in Russian', () => {
    renderPart(<DiscardedNotice notice={{ at: AT }} onDismiss={() => undefined} />, { locale: 'ru', timeZone: 'Europe/Berlin' });
    expect(screen.getByRole('status').textContent).toMatch(/Браузер удалил локальные данные KPI Lens/);
    expect(screen.getByText(/заменил его базу данных пустой/).textContent).toMatch(/14:05/);
    expect(screen.getByRole('button', { name: 'Понятно' })).toBeTruthy();
  });
});
