import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFrameTickets } from './frame-tickets';

beforeEach(() => fakeBrowser.reset());

describe('sidebar frame tickets', () => {
  it('gives each tab its own random ticket, the same one for every page the tab opens', async () => {
    const tickets = createFrameTickets();
    const a = await tickets.issue(1);
    const b = await tickets.issue(2);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).not.toBe(a);
    expect(await tickets.issue(1)).toBe(a);
  });

  it.each([
    ['the right tab and ticket', 1, 'own', true],
    ['another tab', 2, 'own', false],
    ['no tab (not framed in a page)', undefined, 'own', false],
    ['a made-up ticket', 1, 'guess', false],
    ['an empty ticket', 1, '', false],
  ] as const)('checks %s', async (_label, tabId, which, expected) => {
    const tickets = createFrameTickets();
    const own = await tickets.issue(1);
    expect(await tickets.check(tabId, which === 'own' ? own : which === 'guess' ? crypto.randomUUID() : '')).toBe(expected);
  });

  it('survives a service worker restart (kept in session storage) and forgets closed tabs', async () => {
    const ticket = await createFrameTickets().issue(7);
    const restarted = createFrameTickets();
    expect(await restarted.check(7, ticket)).toBe(true);
    await restarted.forget(7);
    expect(await createFrameTickets().check(7, ticket)).toBe(false);
    expect(Object.keys((await browser.storage.session.get('frame-tickets'))['frame-tickets'] as object)).toEqual([]);
  });
});
