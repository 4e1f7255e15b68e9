import { send } from '@/lib/messaging';

/**
 * Whether this sidebar document was framed by KPI Lens's own content script: the ticket in the
 * URL's fragment (put there by the content script, unreadable to the page) must be the one the
 * background gave that script for this tab. Anything else (the CRM page, or any page on a CRM host,
 * framing sidebar.html itself) gets no sidebar, so it cannot trick the rep into clicking it.
 */
export async function claimFrame(hash: string = location.hash): Promise<boolean> {
  const ticket = decodeURIComponent(hash.replace(/^#/, ''));
  if (!ticket) return false;
  try {
    return (await send({ type: 'sidebar/claim', ticket })).trusted;
  } catch {
    return false;
  }
}
