import { browser } from 'wxt/browser';

const KEY = 'frame-tickets';

type SessionArea = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };

/**
 * The sidebar page is web-accessible on CRM hosts (the content script frames it), so any page on
 * those hosts could frame it too, invisibly, and trick the rep into clicking it. The background
 * gives the content script a random ticket per tab with the page/opened answer; the content script
 * puts it in the frame's URL (which the page cannot read: closed shadow root, cross-origin frame);
 * the sidebar shows itself only once the background confirms the ticket for the tab it runs in.
 * Kept in storage.session so a restarted service worker still knows them (gone with the browser).
 */
export function createFrameTickets(area: SessionArea = browser.storage.session) {
  let cache: Record<string, string> | undefined;
  const load = async (): Promise<Record<string, string>> => {
    if (cache) return cache;
    const stored = (await area.get(KEY))[KEY];
    cache = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, string>) } : {};
    return cache;
  };
  const save = async (next: Record<string, string>) => {
    cache = next;
    await area.set({ [KEY]: next });
  };
  return {
    /** The tab's ticket: the same one for every page the tab opens, a new one for a new tab. */
    async issue(tabId: number): Promise<string> {
      const tickets = await load();
      const existing = tickets[tabId];
      if (existing) return existing;
      const ticket = crypto.randomUUID();
      await save({ ...tickets, [tabId]: ticket });
      return ticket;
    },
    /** Whether `ticket` is the one given to the content script of `tabId`. */
    async check(tabId: number | undefined, ticket: string): Promise<boolean> {
      if (tabId === undefined || ticket === '') return false;
      return (await load())[tabId] === ticket;
    },
    async forget(tabId: number): Promise<void> {
      const tickets = await load();
      if (!(tabId in tickets)) return;
      const { [tabId]: _gone, ...rest } = tickets;
      await save(rest);
    },
  };
}

export type FrameTickets = ReturnType<typeof createFrameTickets>;
