import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { Reply, Responses } from '../../lib/messaging/protocol';

/** The background's status of every connected source, refreshed every few seconds. */
export function useBackgroundStatus(refreshMs = 3_000): { sources: Responses['status/get']['sources'] | undefined; refresh: () => void } {
  const [sources, setSources] = useState<Responses['status/get']['sources']>();
  const refresh = useCallback(() => {
    void (browser.runtime.sendMessage({ type: 'status/get' }) as Promise<Reply<'status/get'>>).then((reply) => {
      if (reply?.ok) setSources(reply.value.sources);
    });
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, refreshMs);
    return () => clearInterval(timer);
  }, [refresh, refreshMs]);
  return { sources, refresh };
}
