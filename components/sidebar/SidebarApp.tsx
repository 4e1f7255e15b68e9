import { useCallback, useEffect, useMemo } from 'react';
import { browser } from 'wxt/browser';
import type { KpiId } from '../../lib/kpi/types';
import { resolveLocale } from '../../lib/i18n/locale';
import { saveSettings } from '../../lib/settings/storage';
import { calendarOf } from '../../lib/views/query';
import type { ViewSelection } from '../../lib/views/selection';
import { I18nProvider } from '../common/i18n';
import { useSettings, useUiState } from '../common/use-storage';
import { Sidebar } from './Sidebar';
import { SourcePicker, useLastSource } from './SourcePicker';
import { pageThemeOf, useTheme } from './theme';
import { usePinned, useSourceStatus } from './use-pinned';
import { usePrefs } from './use-prefs';

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Marks when the pinned numbers are painted, for `npm run bench` (scripts/bench/sidebar.ts) to read. */
function useNumbersMark(shown: boolean, fresh: boolean) {
  useEffect(() => {
    if (!shown) return;
    const frame = requestAnimationFrame(() => {
      const name = fresh ? 'kpi-lens:numbers-fresh' : 'kpi-lens:numbers';
      if (performance.getEntriesByName(name).length === 0) performance.mark(name);
      if (fresh && performance.getEntriesByName('kpi-lens:numbers').length === 0) performance.mark('kpi-lens:numbers');
    });
    return () => cancelAnimationFrame(frame);
  }, [shown, fresh]);
}

/** Opens the weekly summary page (built by the summary feature) for this source in a new tab. */
function openSummary(source: string) {
  const url = `${(browser.runtime.getURL as (path: string) => string)('/summary.html')}?source=${encodeURIComponent(source)}`;
  void browser.tabs.create({ url }).catch(() => window.open(url, '_blank', 'noopener'));
}

/**
 * The sidebar app (in the CRM tab's frame and in the side panel). It holds no sales data of its
 * own: the background computes the numbers and says when they change.
 */
export function SidebarApp({ source: initialSource, surface }: { source: string | null; surface: 'frame' | 'panel' }) {
  const [source, setSource] = useLastSource(initialSource, surface);
  const crm = (source ?? 'demo').split(':')[0]!;
  const settings = useSettings();
  const [ui, setUi] = useUiState(crm);
  const [prefs, setPrefs] = usePrefs(crm);
  const selection = useMemo<ViewSelection | undefined>(
    () => (source && ui && prefs ? { source, view: ui.view, period: ui.period, range: ui.period === 'custom' ? prefs.range : undefined, compare: prefs.compare } : undefined),
    [source, ui, prefs],
  );
  const { response, error, fresh } = usePinned(selection);
  const status = useSourceStatus(source ?? '', response?.status);
  useTheme(settings?.theme ?? 'auto', pageThemeOf(location.search));
  useNumbersMark(response?.pinned != null, fresh);
  const locale = settings ? resolveLocale(settings.locale, navigator.language) : undefined;
  useEffect(() => {
    if (locale) document.documentElement.lang = locale;
  }, [locale]);

  const pinned = settings?.pinnedKpis;
  const togglePin = useCallback(
    (id: KpiId) => {
      if (!pinned) return;
      void saveSettings({ pinnedKpis: pinned.includes(id) ? pinned.filter((other) => other !== id) : [...pinned, id] });
    },
    [pinned],
  );

  if (!settings || !ui || !prefs || !selection || !locale || !source) return null;
  return (
    <I18nProvider locale={locale} timeZone={calendarOf(settings, BROWSER_ZONE).timeZone}>
      <Sidebar
        ui={ui}
        onUiChange={setUi}
        prefs={prefs}
        onPrefs={setPrefs}
        selection={selection}
        response={response}
        fresh={fresh}
        error={error}
        status={status}
        hasData={(status?.records ?? 0) > 0}
        pinned={settings.pinnedKpis}
        onTogglePin={togglePin}
        onExploreDemo={() => {
          void browser.runtime.sendMessage({ type: 'demo/load' }).then(() => setSource('demo'));
        }}
        onSyncNow={source === 'demo' ? undefined : () => void browser.runtime.sendMessage({ type: 'sync/start', source })}
        onExportSummary={() => openSummary(source)}
        onCollapse={surface === 'frame' ? () => setUi({ open: false }) : undefined}
        sourcePicker={surface === 'panel' ? <SourcePicker source={source} onChange={setSource} /> : undefined}
      />
    </I18nProvider>
  );
}
