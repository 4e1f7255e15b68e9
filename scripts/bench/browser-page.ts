import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

/** One browser entry bundled as a classic script (IIFE): the page's, or a dedicated worker's. */
async function bundle(entry: string): Promise<string> {
  const output = (await build({
    configFile: false,
    // The project's `@/` alias (WXT's, absent without its config): entries import lib/ through it.
    resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'bench', fileName: () => 'bench.js' } },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.MODE': '"production"' },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  return chunk.type === 'chunk' ? chunk.code : '';
}

/**
 * Bundles a browser entry of the benchmarks with Vite and serves it on
 * loopback from a blank page, so a benchmark runs the project's real code in
 * headless Chromium without building the extension. `workers`: more entries,
 * each served at `/<name>.js` for the page to start as a dedicated worker.
 */
export async function servePage(entry: string, workers: Record<string, string> = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const scripts = new Map<string, string>([['/bench.js', await bundle(entry)]]);
  for (const [name, workerEntry] of Object.entries(workers)) scripts.set(`/${name}.js`, await bundle(workerEntry));
  const server: Server = createServer((req, res) => {
    const script = scripts.get(req.url ?? '');
    if (script !== undefined) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title><script src="/bench.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
