import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

/**
 * Bundles a browser entry of the benchmarks with Vite and serves it on
 * loopback from a blank page, so a benchmark runs the project's real code in
 * headless Chromium without building the extension.
 */
export async function servePage(entry: string): Promise<{ url: string; close: () => Promise<void> }> {
  const output = (await build({
    configFile: false,
    // The project's `@/` alias (WXT's, absent without its config): entries import lib/ through it.
    resolve: { alias: { '@': fileURLToPath(new URL('../..', import.meta.url)) } },
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['iife'], name: 'bench', fileName: () => 'bench.js' } },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.MODE': '"production"' },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output[0];
  const script = chunk.type === 'chunk' ? chunk.code : '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/bench.js') {
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
