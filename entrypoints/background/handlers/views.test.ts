import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readUiState, uiStateKey } from '@/lib/settings';
import { prefsKey, readPrefs, selectionFor, type ViewSelection } from '@/lib/views';
import type { HandlerDeps } from './types';
import { createPinnedPath } from './views';

const SOURCE = 'pipedrive:acme';
let asked: ViewSelection[];
let deps: HandlerDeps;

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  deps = {
    views: { pinned: vi.fn(async (selection: ViewSelection) => void asked.push(selection)) },
    // The statuses are warmed too; a failure there is the sidebar's own request's to tell.
    statuses: { status: vi.fn(async () => ({ records: 0, quarantined: 0, syncing: false })) },
    db: {},
  } as unknown as HandlerDeps;
});
const ticks = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the warm-up of a CRM page’s pinned numbers', () => {
  it('computes, once the frame’s state is answered, the selection the sidebar will ask for (read from the same storage)', async () => {
    await browser.storage.local.set({
      [uiStateKey('pipedrive')]: { open: true, width: 400, view: 'team', period: 'quarter' },
      [prefsKey('pipedrive')]: { compare: 'last-year', metric: 'wonAmount' },
    });
    const path = createPinnedPath(deps);
    path.pageOpened(7, SOURCE);
    await ticks(5);
    expect(asked).toEqual([]); // not before the frame has its state: that answer must not wait for the reading
    path.framed(7);
    await ticks(5);
    const stored = await browser.storage.local.get([uiStateKey('pipedrive'), prefsKey('pipedrive')]);
    const sidebarAsks = selectionFor(SOURCE, readUiState(stored[uiStateKey('pipedrive')]), readPrefs(stored[prefsKey('pipedrive')]));
    expect(asked).toEqual([sidebarAsks]);
    expect(sidebarAsks).toEqual({ source: SOURCE, view: 'team', period: 'quarter', range: undefined, compare: 'last-year' });
    path.framed(7); // a second frame-state request of the tab starts nothing more
    await ticks(5);
    expect(asked).toHaveLength(1);
  });

  it('starts anyway when no frame-state request follows, and only for the tab that opened', async () => {
    const path = createPinnedPath(deps);
    path.pageOpened(7, SOURCE);
    path.framed(8);
    await ticks(5);
    expect(asked).toEqual([]);
    await ticks(80);
    expect(asked).toEqual([{ source: SOURCE, view: 'personal', period: 'month', range: undefined, compare: 'previous' }]);
  });
});
