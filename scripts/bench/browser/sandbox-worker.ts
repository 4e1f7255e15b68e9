/**
 * The sync bench's CRM, in a dedicated worker of the bench page (bundled by browser-page.ts): its
 * records (a million at team scale) and its sorting live in this worker's heap, not in the page that
 * syncs. A real CRM is across the network; in the page, its records made the page's garbage
 * collections and its own set-up the longest "tasks of the sync" the bench reported.
 *
 * Messages: `{ kind: 'start', count }` builds the CRM (answers `{ kind: 'ready' }`); `{ kind:
 * 'request', id, url, method }` answers `{ kind: 'response', id, status, headers, body }`.
 */
import { createSandboxApi } from '../../../test/sandbox-crm/api';
import { benchActivities } from './bench-activities';

export type SandboxWorkerRequest = { kind: 'start'; count: number } | { kind: 'request'; id: number; url: string; method: string };
export type SandboxWorkerAnswer =
  | { kind: 'ready' }
  | { kind: 'response'; id: number; status: number; headers: [string, string][]; body: string }
  | { kind: 'failed'; id?: number; message: string };

let api: ReturnType<typeof createSandboxApi> | undefined;
const post = (answer: SandboxWorkerAnswer) => (self as unknown as { postMessage(message: SandboxWorkerAnswer): void }).postMessage(answer);

self.addEventListener('message', (event: MessageEvent<SandboxWorkerRequest>) => {
  const message = event.data;
  if (message.kind === 'start') {
    api = createSandboxApi({ activity: benchActivities(0, message.count), currentOwnerId: 'u0', currentOwnerName: 'Rep' });
    post({ kind: 'ready' });
    return;
  }
  const handle = api;
  if (!handle) {
    post({ kind: 'failed', id: message.id, message: 'the CRM was not started' });
    return;
  }
  void (async () => {
    try {
      const response = await handle(new Request(message.url, { method: message.method }));
      post({ kind: 'response', id: message.id, status: response.status, headers: [...response.headers], body: await response.text() });
    } catch (error) {
      post({ kind: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
    }
  })();
});
