import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { uiStateKey } from '@/lib/settings';
import { createFrameUi } from '../frame-ui';
import { toggleSidebar } from './core';
import { frameHandlers } from './frame';
import type { HandlerDeps } from './types';

const sent: [number, unknown][] = [];
const frames = () =>
  createFrameUi({ local: browser.storage.local, session: browser.storage.session, send: async (tabId, command) => void sent.push([tabId, command]) });
let deps: HandlerDeps;
const PIPEDRIVE_TAB = { url: 'https://acme.pipedrive.com/deals/list', tab: { id: 7 }, frameId: 0 } as unknown as Browser.runtime.MessageSender;

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  deps = { frames: frames() } as unknown as HandlerDeps;
});
afterEach(() => vi.restoreAllMocks());

describe('the sidebar frame’s requests from a content script', () => {
  it('answer for the CRM of the sender’s page and change only that CRM’s state', async () => {
    const handlers = frameHandlers(deps);
    expect(await handlers['frame/state']({ type: 'frame/state' }, PIPEDRIVE_TAB)).toEqual({
      state: { open: true, width: 360, placement: 'overlay' },
      locale: 'auto',
    });
    expect(await handlers['frame/toggle']({ type: 'frame/toggle' }, PIPEDRIVE_TAB)).toEqual({ state: { open: false, width: 360, placement: 'overlay' } });
    expect(await handlers['frame/resize']({ type: 'frame/resize', width: 480 }, PIPEDRIVE_TAB)).toEqual({
      state: { open: false, width: 480, placement: 'overlay' },
    });
    expect(await browser.storage.local.get(null)).toEqual({ [uiStateKey('pipedrive')]: { open: false, width: 480, view: 'personal', period: 'month' } });
    expect(await deps.frames.crmOf(7)).toBe('pipedrive');
  });

  it.each([
    ['a frame inside the page', { ...PIPEDRIVE_TAB, frameId: 3 }],
    ['no tab', { url: PIPEDRIVE_TAB.url }],
    ['a page that is no CRM', { ...PIPEDRIVE_TAB, url: 'https://evil.example/deals' }],
  ] as [string, Browser.runtime.MessageSender][])('are refused from %s', async (_what, sender) => {
    await expect(frameHandlers(deps)['frame/toggle']({ type: 'frame/toggle' }, sender)).rejects.toThrow(/^refused/);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('the popup and the shortcut toggle the sidebar of the tab’s CRM only while the tab still shows it', async () => {
    await frameHandlers(deps)['frame/state']({ type: 'frame/state' }, PIPEDRIVE_TAB);
    let url = PIPEDRIVE_TAB.url;
    vi.spyOn(browser.tabs, 'get').mockImplementation(async () => ({ id: 7, url }) as never);
    expect(await toggleSidebar(deps.frames, 7)).toEqual({ toggled: true });
    expect((await browser.storage.local.get(uiStateKey('pipedrive')))[uiStateKey('pipedrive')]).toMatchObject({ open: false });
    url = 'https://news.example/'; // the tab went elsewhere
    expect(await toggleSidebar(deps.frames, 7)).toEqual({ toggled: false });
    expect(await toggleSidebar(deps.frames, 8)).toEqual({ toggled: false }); // a tab with no frame
    expect((await browser.storage.local.get(uiStateKey('pipedrive')))[uiStateKey('pipedrive')]).toMatchObject({ open: false });
  });
});
