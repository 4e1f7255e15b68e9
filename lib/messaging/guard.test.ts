import { describe, expect, it } from 'vitest';
import { admit } from './guard';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const sidebar = { id: ID, url: `${ORIGIN}sidebar.html`, tab: { id: 3 } };
const contentScript = { id: ID, url: 'https://acme.pipedrive.com/deals', tab: { id: 3 } };

describe('message admission', () => {
  it('lets the sidebar ask for anything in the protocol', () => {
    for (const message of [{ type: 'status/get' }, { type: 'data/delete-all' }, { type: 'sync/start', source: 'demo' }]) {
      expect(admit(message, sidebar, ID, ORIGIN)).toMatchObject({ ok: true, fromExtensionPage: true });
    }
  });

  it('lets a content script only report the page it is on and ask about its own sidebar frame', () => {
    expect(admit({ type: 'page/opened', url: 'https://acme.pipedrive.com/deals' }, contentScript, ID, ORIGIN)).toMatchObject({
      ok: true,
      fromExtensionPage: false,
    });
    for (const message of [{ type: 'frame/state' }, { type: 'frame/toggle' }, { type: 'frame/resize', width: 400 }]) {
      expect(admit(message, contentScript, ID, ORIGIN)).toMatchObject({ ok: true, fromExtensionPage: false });
    }
    expect(admit({ type: 'frame/resize', width: 10_000 }, contentScript, ID, ORIGIN)).toEqual({ ok: false, error: 'refused: not a KPI Lens message' });
    for (const type of ['data/delete-all', 'demo/load', 'status/get']) {
      const verdict = admit({ type }, contentScript, ID, ORIGIN);
      expect(verdict).toEqual({ ok: false, error: `refused: ${type} is only for KPI Lens pages` });
    }
  });

  it.each([
    ['another extension', { ...sidebar, id: 'someoneelse' }, { type: 'status/get' }],
    ['a wrong shape', sidebar, { type: 'sync/start' }],
    ['an unknown type', sidebar, { type: 'data/export-everything-to', url: 'https://evil.example' }],
    ['a string', sidebar, 'data/delete-all'],
    ['a polluted object', sidebar, JSON.parse('{"__proto__":{"type":"status/get"}}')],
    ['another extension scheme URL', { id: ID, url: 'chrome-extension://other/sidebar.html', tab: { id: 1 } }, { type: 'demo/load' }],
    ['a tab without a URL', { id: ID, tab: { id: 1 } }, { type: 'demo/load' }],
  ])('refuses %s', (_name, sender, message) => {
    expect(admit(message, sender, ID, ORIGIN).ok).toBe(false);
  });
});
