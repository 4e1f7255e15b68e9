import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestSchema } from './protocol';
import { send } from './send';

/** A background that checks each message with the receiver's own schema, as the real one does, and answers. */
function background(answer: (message: { type: string }) => unknown) {
  const seen: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, reply) => {
    seen.push(message);
    const parsed = requestSchema.safeParse(message);
    reply(parsed.success ? answer(parsed.data) : { ok: false, error: 'refused: not a KPI Lens message' });
    return true;
  });
  return seen;
}

afterEach(() => fakeBrowser.reset());

describe('send: the one channel to the background', () => {
  it('sends the request as written and gives back the value of an { ok: true } reply', async () => {
    const seen = background(() => ({ ok: true, value: { sources: [] } }));
    const reply = await send({ type: 'status/get' });
    expect(reply).toEqual({ sources: [] });
    expect(seen).toEqual([{ type: 'status/get' }]);
  });

  it('takes the schema input: fields with defaults may be left out, and the receiver accepts it', async () => {
    const seen = background(() => ({ ok: true, value: { kpi: 'winRate', recordType: 'deal', total: 0, listable: 0, offset: 0, rows: [] } }));
    const page = await send({ type: 'records/get', source: 'demo', view: 'personal', period: 'month', kpi: 'winRate' });
    expect(page.rows).toEqual([]);
    expect(requestSchema.parse(seen[0])).toMatchObject({ offset: 0, limit: 25 });
  });

  it("throws the background's own error", async () => {
    background(() => ({ ok: false, error: 'refused: data/delete-all is only for KPI Lens pages' }));
    await expect(send({ type: 'data/delete-all' })).rejects.toThrow('refused: data/delete-all is only for KPI Lens pages');
  });

  it('names the request when the background does not answer, or cannot be reached', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined); // hears it, says nothing
    await expect(send({ type: 'sync/start', source: 'demo' })).rejects.toThrow("KPI Lens's background did not answer sync/start");
    fakeBrowser.reset(); // nobody listening at all
    await expect(send({ type: 'demo/load' })).rejects.toThrow(/^KPI Lens's background did not answer demo\/load: /);
  });

  it('is typed by the protocol: what a request carries, and what it answers', async () => {
    background(() => ({ ok: true, value: { started: true } }));
    const started: { started: boolean; reason?: string } = await send({ type: 'table/pick', tabId: 3 });
    expect(started.started).toBe(true);
    // Each of these is a compile error (checked by `tsc --noEmit`); the background refuses the ones zod would.
    // @ts-expect-error a request without its required source
    await expect(send({ type: 'sync/start' })).rejects.toThrow('refused');
    // @ts-expect-error a source of the wrong type
    await expect(send({ type: 'sync/start', source: 42 })).rejects.toThrow('refused');
    // @ts-expect-error a type the protocol does not know
    await expect(send({ type: 'records/delete' })).rejects.toThrow('refused');
    const neverCalled = () => {
      // @ts-expect-error a field the protocol does not have (zod would strip it; the type does not let it be written)
      void send({ type: 'status/get', extra: 1 });
      // @ts-expect-error the answer of status/get has no `started`
      void send({ type: 'status/get' }).then((reply) => reply.started);
    };
    expect(neverCalled).toBeTypeOf('function');
  });
});
