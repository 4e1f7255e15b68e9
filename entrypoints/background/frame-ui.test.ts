import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type ContentCommand, readContentCommand } from '@/lib/messaging';
import { uiStateKey } from '@/lib/settings';
import { createFrameUi } from './frame-ui';

let sent: [number, ContentCommand][];
let gone: Set<number>;

function frames() {
  const ui = createFrameUi({
    local: browser.storage.local,
    session: browser.storage.session,
    send: async (tabId, command) => {
      if (gone.has(tabId)) throw new Error('Could not establish connection. Receiving end does not exist.');
      sent.push([tabId, command]);
    },
  });
  browser.storage.onChanged.addListener((changes, area) => void ui.changed(changes, area));
  return ui;
}
const stored = async (crm: string) => (await browser.storage.local.get(uiStateKey(crm)))[uiStateKey(crm)];
/** Until every change has been told (storage events are asynchronous). */
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  gone = new Set();
});

describe('the sidebar frame’s state, for content scripts that read no extension storage', () => {
  it('answers a tab with its CRM’s state (the default at first), and keeps the view and period the sidebar chose', async () => {
    const ui = frames();
    expect(await ui.follow(7, 'pipedrive')).toEqual({ open: true, width: 360, placement: 'overlay' });
    await browser.storage.local.set({ [uiStateKey('pipedrive')]: { open: false, width: 500, view: 'team', period: 'quarter' } });
    expect(await ui.follow(7, 'pipedrive')).toEqual({ open: false, width: 500, placement: 'overlay' });
    expect(await ui.toggle('pipedrive')).toEqual({ open: true, width: 500, placement: 'overlay' });
    expect(await stored('pipedrive')).toEqual({ open: true, width: 500, view: 'team', period: 'quarter' });
  });

  it('tells every tab of the CRM of each change, whoever made it, and no tab of another CRM', async () => {
    const ui = frames();
    await ui.follow(1, 'pipedrive');
    await ui.follow(2, 'pipedrive');
    await ui.follow(3, 'close');
    await ui.toggle('pipedrive'); // the handle in tab 1
    await settled();
    expect(sent).toEqual([
      [1, { type: 'sidebar/frame', open: false, width: 360, placement: 'overlay' }],
      [2, { type: 'sidebar/frame', open: false, width: 360, placement: 'overlay' }],
    ]);
    sent.length = 0;
    // The sidebar's own collapse button writes storage.local from the extension page.
    await browser.storage.local.set({ [uiStateKey('close')]: { open: false, width: 420, view: 'personal', period: 'month' } });
    await settled();
    expect(sent).toEqual([[3, { type: 'sidebar/frame', open: false, width: 420, placement: 'overlay' }]]);
    // What is sent is what the content script accepts (zod at the receiver).
    expect(readContentCommand(sent[0]![1], { id: 'ext' }, 'ext')).toEqual(sent[0]![1]);
  });

  it('tells every tab that shows a frame when the placement setting changes (and nobody when it stays)', async () => {
    const ui = frames();
    await ui.follow(1, 'pipedrive');
    await ui.follow(3, 'close');
    await browser.storage.local.set({ [uiStateKey('close')]: { open: false, width: 420, view: 'personal', period: 'month' } });
    await settled();
    sent.length = 0;
    await browser.storage.local.set({ settings: { sidebarPlacement: 'push', staleDays: 14 } });
    await settled();
    expect(sent.sort(([a], [b]) => a - b)).toEqual([
      [1, { type: 'sidebar/frame', open: true, width: 360, placement: 'push' }],
      [3, { type: 'sidebar/frame', open: false, width: 420, placement: 'push' }],
    ]);
    expect(await ui.follow(1, 'pipedrive')).toEqual({ open: true, width: 360, placement: 'push' });
    sent.length = 0;
    await browser.storage.local.set({ settings: { sidebarPlacement: 'push', staleDays: 30 } });
    await settled();
    expect(sent).toEqual([]);
  });

  it('tells every tab showing a frame of the rep’s new language, and only when the language changed', async () => {
    const ui = frames();
    expect(await ui.locale()).toBe('auto');
    await browser.storage.local.set({ settings: { locale: 'auto', theme: 'dark' } });
    await ui.follow(1, 'pipedrive');
    await ui.follow(3, 'close');
    await browser.storage.local.set({ settings: { locale: 'ru', theme: 'dark' } });
    await settled();
    expect(sent).toEqual([
      [1, { type: 'sidebar/locale', locale: 'ru' }],
      [3, { type: 'sidebar/locale', locale: 'ru' }],
    ]);
    expect(await ui.locale()).toBe('ru');
    expect(readContentCommand(sent[0]![1], { id: 'ext' }, 'ext')).toEqual(sent[0]![1]);
    sent.length = 0;
    // Another setting changes: the frames are not told anything.
    await browser.storage.local.set({ settings: { locale: 'ru', theme: 'light' } });
    await settled();
    expect(sent).toEqual([]);
  });

  it('counts two quick toggles both, and clamps widths', async () => {
    const ui = frames();
    await Promise.all([ui.toggle('kommo'), ui.toggle('kommo'), ui.toggle('kommo')]);
    expect(await stored('kommo')).toMatchObject({ open: false });
    expect(await ui.resize('kommo', 5_000)).toEqual({ open: false, width: 720, placement: 'overlay' });
  });

  it('forgets tabs that closed or went elsewhere, and survives a worker restart', async () => {
    await frames().follow(4, 'hubspot');
    await frames().follow(5, 'hubspot');
    const restarted = frames(); // a new worker: the tabs come from storage.session
    expect(await restarted.crmOf(4)).toBe('hubspot');
    gone.add(5);
    await restarted.toggle('hubspot');
    await settled();
    expect(sent.filter(([tab]) => tab === 4).length).toBeGreaterThan(0);
    expect(await restarted.crmOf(5)).toBeUndefined();
    await restarted.forget(4);
    expect(await restarted.crmOf(4)).toBeUndefined();
  });
});

describe('what the content script obeys', () => {
  it.each([
    ['the background', { type: 'sidebar/frame', open: true, width: 400, placement: 'overlay' }, { id: 'ext' }, true],
    ['a tab (another content script)', { type: 'sidebar/frame', open: true, width: 400, placement: 'overlay' }, { id: 'ext', tab: { id: 1 } }, false],
    ['another extension', { type: 'sidebar/frame', open: true, width: 400, placement: 'overlay' }, { id: 'other' }, false],
    ['a width out of range', { type: 'sidebar/frame', open: true, width: 9_000, placement: 'overlay' }, { id: 'ext' }, false],
    ['pushing the page aside', { type: 'sidebar/frame', open: true, width: 400, placement: 'push' }, { id: 'ext' }, true],
    ['an unknown placement', { type: 'sidebar/frame', open: true, width: 400, placement: 'float' }, { id: 'ext' }, false],
    ['no placement', { type: 'sidebar/frame', open: true, width: 400 }, { id: 'ext' }, false],
    ['a wrong shape', { type: 'sidebar/frame', open: 'yes', width: 400 }, { id: 'ext' }, false],
    ['the old toggle', { type: 'sidebar/toggle' }, { id: 'ext' }, false],
    ['a language', { type: 'sidebar/locale', locale: 'ru' }, { id: 'ext' }, true],
    ['a language it does not speak', { type: 'sidebar/locale', locale: 'de' }, { id: 'ext' }, false],
    ['a polluted object', JSON.parse('{"__proto__":{"type":"sidebar/frame","open":true,"width":400}}'), { id: 'ext' }, false],
  ])('%s: %s', (_who, message, sender, obeyed) => {
    expect(readContentCommand(message, sender, 'ext') !== null).toBe(obeyed);
  });
});
