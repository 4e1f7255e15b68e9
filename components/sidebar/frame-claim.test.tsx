import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { claimFrame } from './frame-claim';

/** runtime.sendMessage typed loosely enough to answer like the background does. */
const spySend = () => vi.spyOn(browser.runtime as unknown as { sendMessage: (message: unknown) => Promise<unknown> }, 'sendMessage');

afterEach(() => vi.restoreAllMocks());

describe('claimFrame', () => {
  it('asks the background with the ticket from the fragment and follows its answer', async () => {
    const send = spySend().mockResolvedValue({ ok: true, value: { trusted: true } });
    expect(await claimFrame('#a%2Db')).toBe(true);
    expect(send).toHaveBeenCalledWith({ type: 'sidebar/claim', ticket: 'a-b' });
    send.mockResolvedValue({ ok: true, value: { trusted: false } });
    expect(await claimFrame('#a-b')).toBe(false);
  });

  it('is not ours without a ticket, on a refusal or when the background cannot be reached', async () => {
    const send = spySend();
    expect(await claimFrame('')).toBe(false);
    expect(send).not.toHaveBeenCalled();
    send.mockResolvedValue({ ok: false, error: 'refused' });
    expect(await claimFrame('#x')).toBe(false);
    send.mockRejectedValue(new Error('no receiver'));
    expect(await claimFrame('#x')).toBe(false);
  });
});
