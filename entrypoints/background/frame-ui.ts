import { browser } from 'wxt/browser';
import type { ContentCommand } from '@/lib/messaging';
import { localeSetting, type LocaleSetting } from '@/lib/i18n';
import { readPlacement, readUiState, uiStateKey, type FrameState, type SidebarPlacement, type SidebarUiState } from '@/lib/settings';

type Area = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

export type FrameUiDeps = {
  /** storage.local: the sidebar's state per CRM (the sidebar page reads and writes it too). */
  local: Area;
  /** storage.session: the tabs showing a frame, so a restarted worker still tells them. */
  session: Area;
  send: (tabId: number, command: ContentCommand) => Promise<unknown>;
};

const TABS_KEY = 'frame-tabs';
/** The settings' key (lib/settings/storage.ts): the placement is one of them. */
const SETTINGS_KEY = 'settings';

const frameOf = (state: SidebarUiState, placement: SidebarPlacement): FrameState => ({ open: state.open, width: state.width, placement });

/**
 * The sidebar frame's open/width state, for the CRM content scripts, which may not read extension
 * storage (storage.local is closed to them). A content script asks for its page's state (the tab
 * is then kept, with its CRM), asks to toggle or resize, and is sent every change of its CRM's
 * state, whoever made it: its own handle, the sidebar's collapse button, the keyboard shortcut,
 * another tab of the same CRM.
 */
export function createFrameUi({ local, session, send }: FrameUiDeps) {
  let tabs: Record<string, string> | undefined;
  const loadTabs = async (): Promise<Record<string, string>> => {
    if (tabs) return tabs;
    const stored = (await session.get(TABS_KEY))[TABS_KEY];
    tabs = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, string>) } : {};
    return tabs;
  };
  const saveTabs = async (next: Record<string, string>) => {
    tabs = next;
    await session.set({ [TABS_KEY]: next });
  };

  const placementNow = async (): Promise<SidebarPlacement> => readPlacement((await local.get(SETTINGS_KEY))[SETTINGS_KEY]);

  // Read-modify-write of one key: changes made here run one after another, so two quick toggles both count.
  let writes: Promise<unknown> = Promise.resolve();
  const change = (crm: string, patch: (current: SidebarUiState) => Partial<SidebarUiState>): Promise<FrameState> => {
    const run = writes.then(async () => {
      const key = uiStateKey(crm);
      const current = readUiState((await local.get(key))[key]);
      const next = readUiState({ ...current, ...patch(current) });
      await local.set({ [key]: next });
      return frameOf(next, await placementNow());
    });
    writes = run.catch(() => undefined);
    return run;
  };

  const forget = async (tabId: number) => {
    const known = await loadTabs();
    if (!(tabId in known)) return;
    const { [tabId]: _gone, ...rest } = known;
    await saveTabs(rest);
  };

  return {
    /** The frame's state for `crm`; the tab is told of its changes from now on. */
    async follow(tabId: number, crm: string): Promise<FrameState> {
      const known = await loadTabs();
      if (known[tabId] !== crm) await saveTabs({ ...known, [tabId]: crm });
      const key = uiStateKey(crm);
      return frameOf(readUiState((await local.get(key))[key]), await placementNow());
    },
    toggle: (crm: string) => change(crm, (current) => ({ open: !current.open })),
    resize: (crm: string, width: number) => change(crm, () => ({ width })),
    /** The rep's language setting: the frame's controls are named in it. */
    async locale(): Promise<LocaleSetting> {
      return localeSetting((await local.get('settings')).settings);
    },
    /** The CRM whose frame a tab shows, if any. */
    async crmOf(tabId: number): Promise<string | undefined> {
      return (await loadTabs())[tabId];
    },
    forget,
    /** storage.onChanged: a CRM's state (or the placement setting) changed, so every tab showing it is told; a new language relabels every frame. */
    async changed(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string): Promise<void> {
      if (area !== 'local') return;
      const known = await loadTabs();
      const placementChanged = SETTINGS_KEY in changes && readPlacement(changes[SETTINGS_KEY]!.newValue) !== readPlacement(changes[SETTINGS_KEY]!.oldValue);
      const crms = placementChanged ? [...new Set(Object.values(known).map(uiStateKey))] : Object.keys(changes).filter((key) => key.startsWith('ui:'));
      const locale = changes.settings && localeSetting(changes.settings.newValue);
      const relabel = locale !== undefined && locale !== localeSetting(changes.settings!.oldValue);
      if (crms.length === 0 && !relabel) return;
      // The rep picked another language: every frame names its handle and grip in it.
      if (relabel) for (const tabId of Object.keys(known)) await send(Number(tabId), { type: 'sidebar/locale', locale }).catch(() => forget(Number(tabId)));
      if (crms.length === 0) return;
      const placement = placementChanged ? readPlacement(changes[SETTINGS_KEY]!.newValue) : await placementNow();
      for (const key of crms) {
        const state = frameOf(readUiState(key in changes ? changes[key]!.newValue : (await local.get(key))[key]), placement);
        for (const [tabId, crm] of Object.entries(known)) {
          if (uiStateKey(crm) !== key) continue;
          // A tab that went elsewhere has no content script to answer: it is forgotten.
          await send(Number(tabId), { type: 'sidebar/frame', ...state }).catch(() => forget(Number(tabId)));
        }
      }
    },
  };
}

export type FrameUi = ReturnType<typeof createFrameUi>;

export function browserFrameUi(): FrameUi {
  return createFrameUi({ local: browser.storage.local, session: browser.storage.session, send: (tabId, command) => browser.tabs.sendMessage(tabId, command) });
}
