import { useState } from 'react';
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import { useI18n } from '../../common/i18n';

/**
 * "Read a table on this page" (in the popup): the rep's click is what lets
 * the background inject the table picker into the active tab (activeTab);
 * no page can start it.
 */
export function ReadTableAction({ closeWindow = () => window.close() }: { closeWindow?: () => void }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string>();
  const start = async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const picked =
      tab?.id === undefined
        ? { started: false, reason: 'no tab' }
        : await send({ type: 'table/pick', tabId: tab.id }).catch((failure: unknown) => ({
            started: false,
            reason: failure instanceof Error ? failure.message : String(failure),
          }));
    if (picked.started) return closeWindow();
    setProblem(t('table.pickFailed', { reason: picked.reason ?? '' }));
  };
  return (
    <>
      <button type="button" onClick={() => void start()}>
        {t('table.pick')}
      </button>
      {problem && (
        <p className="problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
