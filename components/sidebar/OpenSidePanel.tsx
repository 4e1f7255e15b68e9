import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useI18n } from '../common/i18n';

type PanelApis = {
  sidePanel?: { open: (options: { windowId: number }) => Promise<void> };
  sidebarAction?: { open: () => Promise<void> };
};

/**
 * "Open in side panel" for the toolbar popup: the same sidebar app in the browser's own panel
 * (Chrome's sidePanel, Firefox's sidebar). The window is looked up when the popup opens, so the
 * click calls the browser at once (it accepts the request only during the rep's click).
 */
export function OpenSidePanel() {
  const { t } = useI18n();
  const apis = browser as unknown as PanelApis;
  const [windowId, setWindowId] = useState<number>();
  useEffect(() => {
    void browser.windows
      ?.getCurrent()
      .then((current) => setWindowId(current.id))
      .catch(() => undefined);
  }, []);
  if (!apis.sidePanel && !apis.sidebarAction) return null;
  return (
    <button
      type="button"
      className="link"
      onClick={() => {
        if (apis.sidePanel && windowId !== undefined) void apis.sidePanel.open({ windowId }).then(() => window.close());
        else if (apis.sidebarAction) void apis.sidebarAction.open().then(() => window.close());
      }}
    >
      {t('popup.sidePanel')}
    </button>
  );
}
