import { useCallback, useEffect, useMemo } from 'react';
import { browser } from 'wxt/browser';
import type { KpiId } from '../../lib/kpi/types';
import { resolveLocale } from '../../lib/i18n/locale';
import type { ViewSelection } from '../../lib/views/selection';
import { I18nProvider } from '../common/i18n';
import { selectionFor } from './boot';
import { Sidebar } from './Sidebar';
import { SourcePicker, useLastSource } from './SourcePicker';
import { pageThemeOf, useTheme } from './theme';
import { usePinned, useSourceStatus } from './use-pinned';
import { usePrefs } from './use-prefs';
import { useUiState } from './use-ui-state';

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

const NOTHING_PINNED: readonly KpiId[] = [];

/** Opens the weekly summary page (built by the summary feature) for this source in a new tab. */
function openSummary(source: string) {
  const url = `${(browser.runtime.getURL as (path: string) => string)('/summary.html')}?source=${encodeURIComponent(source)}`;
  void browser.tabs.create({ url }).catch(() => window.open(url, '_blank', 'noopener'));
}

/** Pins or unpins a KPI; the settings module (and its schema) loads only when the rep does this. */
function savePinned(pinnedKpis: KpiId[]) {
  void import('../../lib/settings/storage').then(({ saveSettings }) => saveSettings({ pinnedKpis }));
}

/**
 * The sidebar app (in the CRM tab's frame and in the side panel). It holds no sales data of its
 * own: the background computes the numbers, sends the settings needed to show them (language,
 * theme, time zone, pinned KPIs) and says when they change.
 */
export function SidebarApp({ source: initialSource, surface }: { source: string | null; surface: 'frame' | 'panel' }) {
  const [source, setSource] = useLastSource(initialSource, surface);
  const crm = (source ?? 'demo').split(':')[0]!;
  const [ui, setUi] = useUiState(crm);
  const [prefs, setPrefs] = usePrefs(crm);
  const selection = useMemo<ViewSelection | undefined>(() => (source && ui && prefs ? selectionFor(source, ui, prefs) : undefined), [source, ui, prefs]);
  const { response, error, fresh, loading } = usePinned(selection);
  const status = useSourceStatus(source ?? '', response?.status);
  const display = response?.display;
  useTheme(display?.theme ?? 'auto', pageThemeOf(location.search));
  useNumbersMark(response?.pinned != null, fresh);
  const locale = resolveLocale(display?.locale ?? 'auto', navigator.language);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const pinned = display?.pinnedKpis;
  const togglePin = useCallback((id: KpiId) => {
    if (pinned) savePinned(pinned.includes(id) ? pinned.filter((other) => other !== id) : [...pinned, id]);
  }, [pinned]);

  if (!ui || !prefs || !selection || !source) return null;
  return (
    <I18nProvider locale={locale} timeZone={display?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}>
      <Sidebar
        ui={ui}
        onUiChange={setUi}
        prefs={prefs}
        onPrefs={setPrefs}
        selection={selection}
        response={response}
        fresh={fresh}
        updating={loading}
        error={error}
        status={status}
        hasData={(status?.records ?? 0) > 0}
        pinned={pinned ?? NOTHING_PINNED}
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
