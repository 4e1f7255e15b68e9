import { useState } from 'react';
import { browser } from 'wxt/browser';
import { resolveLocale } from '../../lib/i18n/locale';
import { calendarOf } from '../../lib/views/query';
import { I18nProvider } from '../common/i18n';
import { useSettings, useUiState } from '../common/use-storage';
import { Sidebar } from './Sidebar';
import { usePinned, useSourceStatus } from './use-pinned';

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * The sidebar app (in the CRM tab's frame and in the side panel). It holds no
 * sales data of its own: the background computes the numbers and says when
 * they change.
 */
export function SidebarApp({ source: initialSource, surface }: { source: string; surface: 'frame' | 'panel' }) {
  const [source, setSource] = useState(initialSource);
  const settings = useSettings();
  const [ui, setUi] = useUiState(initialSource.split(':')[0]!);
  const { response, error } = usePinned(source, ui?.view, ui?.period);
  const status = useSourceStatus(source, response?.status);

  if (!settings || !ui) return null;
  const hasData = (status?.records ?? 0) > 0;
  return (
    <I18nProvider locale={resolveLocale(settings.locale, navigator.language)} timeZone={calendarOf(settings, BROWSER_ZONE).timeZone}>
      <Sidebar
        ui={ui}
        onUiChange={setUi}
        view={response?.pinned ?? null}
        loaded={response !== undefined}
        error={error}
        activityTargets={response?.activityTargets}
        reportingCurrency={response?.reportingCurrency ?? settings.reportingCurrency}
        status={status}
        hasData={hasData}
        teamAvailable={response?.teamAvailable ?? false}
        ownerName={response?.ownerName}
        onExploreDemo={() => {
          void browser.runtime.sendMessage({ type: 'demo/load' }).then(() => setSource('demo'));
        }}
        onSyncNow={source === 'demo' ? undefined : () => void browser.runtime.sendMessage({ type: 'sync/start', source })}
        onCollapse={surface === 'frame' ? () => setUi({ open: false }) : undefined}
      />
    </I18nProvider>
  );
}
