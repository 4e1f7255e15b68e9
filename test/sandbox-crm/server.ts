import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSandboxApi, type SandboxDataset, type SandboxFaults } from './api';
import { renderPage } from './pages';

export type SandboxCrm = {
  url: string;
  port: number;
  dataset: SandboxDataset;
  setFaults: (faults: SandboxFaults) => void;
  close: () => Promise<void>;
};

/**
 * The sandbox CRM on loopback: CRM-like pages (deal list, deal page, activity
 * list) and the paged API the extension's sandbox adapter syncs from. The data
 * set is built once the port is known, so record links point back here.
 */
export async function startSandboxCrm(options: { port?: number; dataset: (url: string) => SandboxDataset; faults?: SandboxFaults }): Promise<SandboxCrm> {
  // Filled in once the port is known (the data links back to this server).
  const live: { dataset?: SandboxDataset; api?: ReturnType<typeof createSandboxApi> } = {};

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const { dataset, api } = live;
    if (!dataset || !api) {
      res.writeHead(503).end();
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      const response = await api(new Request(url, { method: req.method }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { location: '/deals' }).end();
      return;
    }
    const page = renderPage(dataset, url);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page.html);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const dataset = options.dataset(url);
  live.dataset = dataset;
  live.api = createSandboxApi(dataset, options.faults ?? {});
  return {
    url,
    port,
    dataset,
    setFaults: (faults) => {
      live.api = createSandboxApi(dataset, faults);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
