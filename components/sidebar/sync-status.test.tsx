import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { StoredSourceStatus } from '@/lib/db';
import { SyncStatusBar } from './SyncStatusBar';
import { renderPart } from './test-support';

/** What the status says while the migration builds the column store of an older database. */
const preparing: StoredSourceStatus = {
  records: 34,
  quarantined: 0,
  syncing: false,
  lastSyncAt: Date.UTC(2026, 0, 5, 9),
  preparing: { records: 28_000, total: 340_000 },
};

describe('sync status bar while the column store is prepared', () => {
  it('shows records done of all with a bar, in English', () => {
    const { container } = renderPart(<SyncStatusBar status={preparing} />);
    expect(screen.getByText(/Preparing your data for faster numbers: 28,000 of 340,000 records/)).toBeTruthy();
    const bar = container.querySelector('p progress') as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([28_000, 340_000]);
  });

  it('and in Russian', () => {
    renderPart(<SyncStatusBar status={preparing} />, { locale: 'ru' });
    expect(screen.getByText(/Подготовка данных для быстрых расчётов: 28\s000 из 340\s000 записей/)).toBeTruthy();
  });

  it('shows nothing of it once the build is done', () => {
    renderPart(<SyncStatusBar status={{ ...preparing, preparing: undefined }} />);
    expect(screen.queryByText(/Preparing your data/)).toBeNull();
  });
});
