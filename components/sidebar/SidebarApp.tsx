import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import type { KpiId } from '@/lib/kpi';
import { resolveLocale } from '@/lib/i18n';
import { markOnce } from '@/lib/perf';
import { I18nProvider } from '../common/i18n';
import { canSync } from '../common/source-line';
import { useCreated } from '../common/page-store';
import { Sidebar } from './Sidebar';
import { SourcePicker } from './SourcePicker';
import { createSidebarStore } from './store';
import { SidebarStoreProvider, useSidebar } from './store-context';
import { statusOf } from './store-wants';
import { pageThemeOf, useTheme } from './theme';

/**
 * Marks when the pinned numbers are painted, for `npm run bench` (scripts/bench/sidebar.ts) to read;
 * for the background's own answer also when React committed it (the bench tells rendering from painting).
 */
function useNumbersMark(shown: boolean, fresh: boolean) {
  useEffect(() => {
    if (!shown) return;
    if (fresh) markOnce('kpi-lens:fresh-committed');
    const frame = requestAnimationFrame(() => {
      markOnce(fresh ? 'kpi-lens:numbers-fresh' : 'kpi-lens:numbers');
      if (fresh) markOnce('kpi-lens:numbers');
    });
    return () => cancelAnimationFrame(frame);
  }, [shown, fresh]);
}

const NOTHING_PINNED: readonly KpiId[] = [];

/** Opens the weekly summary page (built by the summary feature) for this source in a new tab. */
function openSummary(source: string) {
  const url = `${(browser.runtime.getURL as (path: string) => string)('/summary.html')}?source=${encodeURIComponent(source)}`;
  void browser.tabs.create({ url }).catch(() => window.open(url, '_blank', 'noopener'));
}

/**
 * The sidebar app (in the CRM tab's frame and in the side panel). It holds no sales data of its
 * own: the background computes the numbers, sends the settings needed to show them (language,
 * theme, time zone, pinned KPIs) and says when they change. Its state lives in the sidebar store.
 */
export function SidebarApp({ source, surface }: { source: string | null; surface: 'frame' | 'panel' }) {
  const store = useCreated(() => createSidebarStore({ source, surface }));
  return (
    <SidebarStoreProvider store={store}>
      <SidebarScreen />
    </SidebarStoreProvider>
  );
}

function SidebarScreen() {
  const surface = useSidebar((state) => state.surface);
  const source = useSidebar((state) => state.source);
  const ui = useSidebar((state) => state.ui);
  const prefs = useSidebar((state) => state.prefs);
  const selection = useSidebar((state) => state.selection);
  const pinned = useSidebar((state) => state.answers.pinned);
  const status = useSidebar(statusOf);
  const problem = useSidebar((state) => state.problem);
  const discarded = useSidebar((state) => state.discarded);
  const actions = useSidebar((state) => state.actions);
  const display = pinned.value?.display;
  const fresh = pinned.key !== undefined;
  useTheme(display?.theme ?? 'auto', pageThemeOf(location.search));
  useNumbersMark(pinned.value?.pinned != null, fresh);
  const locale = resolveLocale(display?.locale ?? 'auto', navigator.language);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  if (!ui || !prefs || !selection || !source) return null;
  return (
    <I18nProvider locale={locale} timeZone={display?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}>
      <Sidebar
        ui={ui}
        onUiChange={actions.setUi}
        prefs={prefs}
        onPrefs={actions.setPrefs}
        response={pinned.value}
        fresh={fresh}
        updating={pinned.loading}
        error={pinned.error ?? problem}
        status={status}
        hasData={(status?.records ?? 0) > 0}
        pinned={display?.pinnedKpis ?? NOTHING_PINNED}
        onTogglePin={actions.togglePin}
        onExploreDemo={actions.exploreDemo}
        onSyncNow={canSync(status ?? { source }) ? actions.syncNow : undefined}
        onExportSummary={() => openSummary(source)}
        discarded={discarded}
        onDismissDiscarded={actions.dismissDiscarded}
        onCollapse={surface === 'frame' ? () => actions.setUi({ open: false }) : undefined}
        sourcePicker={surface === 'panel' ? <SourcePicker /> : undefined}
      />
    </I18nProvider>
  );
}
