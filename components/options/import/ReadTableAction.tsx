import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reply } from '../../../lib/messaging/protocol';
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
    const reply = tab?.id === undefined ? undefined : ((await browser.runtime.sendMessage({ type: 'table/pick', tabId: tab.id })) as Reply<'table/pick'> | undefined);
    if (reply?.ok && reply.value.started) return closeWindow();
    const reason = !reply ? 'no tab' : reply.ok ? (reply.value.reason ?? '') : reply.error;
    setProblem(t('table.pickFailed', { reason }));
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
