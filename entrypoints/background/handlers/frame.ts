import type { Browser } from 'wxt/browser';
import { detectCrm } from '@/lib/connections';
import { SANDBOX_ALLOWED } from '../registration';
import type { HandlerDeps, HandlerGroup } from './types';

type FrameType = 'frame/state' | 'frame/toggle' | 'frame/resize';

/**
 * The CRM of the page whose content script asks, from the browser's record of the sender (never
 * the message): only a tab's top frame on a CRM page frames the sidebar.
 */
function senderCrm(sender: Browser.runtime.MessageSender): { tabId: number; crm: string } {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.frameId !== 0 || !sender.url) throw new Error('refused: only the content script of a CRM tab frames the sidebar');
  const detected = detectCrm(sender.url, { allowSandbox: SANDBOX_ALLOWED });
  if (!detected) throw new Error('refused: not a CRM page');
  return { tabId, crm: detected.crm };
}

/** `framed`: a tab's content script has its frame's state (the warm-up of its sidebar may start, views.ts). */
export function frameHandlers({ frames }: HandlerDeps, framed: (tabId: number) => void = () => undefined): HandlerGroup<FrameType> {
  return {
    'frame/state': async (_request, sender) => {
      const { tabId, crm } = senderCrm(sender);
      const answer = { state: await frames.follow(tabId, crm), locale: await frames.locale() };
      framed(tabId);
      return answer;
    },
    'frame/toggle': async (_request, sender) => {
      const { tabId, crm } = senderCrm(sender);
      await frames.follow(tabId, crm);
      return { state: await frames.toggle(crm) };
    },
    'frame/resize': async (request, sender) => {
      const { tabId, crm } = senderCrm(sender);
      await frames.follow(tabId, crm);
      return { state: await frames.resize(crm, request.width) };
    },
  };
}
