/**
 * Bundle budgets, read from a production build: the content script every CRM
 * page loads (≤ 15 KB gzip), and the JavaScript the sidebar loads before its
 * first paint (≤ 150 KB gzip; Chart.js is loaded after the numbers).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const PRODUCTION_BUILD_DIR = resolve(import.meta.dirname, '../..', process.env.KPI_LENS_OUT_DIR ?? '.output', 'chrome-mv3');

const gzipKb = (path: string) => Number((gzipSync(readFileSync(path)).length / 1024).toFixed(2));

/** Scripts an HTML page loads up front: its module script and the chunks it preloads. */
function initialScripts(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const found = [...text.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+\.js)"/g)].map((match) => match[1]!);
  return [...new Set(found)].map((src) => join(dir, src.replace(/^\//, '')));
}

/** Every static import of a chunk, followed transitively: what runs before the page can paint. */
function withStaticImports(dir: string, files: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"()]*?from\s*)?["']([^"']+\.js)["']/g)) {
      const target = match[1]!;
      queue.push(target.startsWith('/') ? join(dir, target.slice(1)) : resolve(file, '..', target));
    }
  }
  return [...seen];
}

export function benchSizes(dir = PRODUCTION_BUILD_DIR): Record<string, unknown> {
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No production build at ${dir}: run \`npm run build\`.`);
  const sidebar = withStaticImports(dir, initialScripts(dir, 'sidebar.html'));
  const sidebarKb = sidebar.reduce((sum, file) => sum + gzipKb(file), 0);
  const chunks = readdirSync(join(dir, 'chunks')).filter((name) => name.endsWith('.js'));
  return {
    contentScriptGzipKb: { value: gzipKb(join(dir, 'content-scripts/crm.js')), unit: 'KB gzip', budget: { max: 15 } },
    sidebarInitialJsGzipKb: {
      value: Number(sidebarKb.toFixed(2)),
      unit: 'KB gzip',
      budget: { max: 150 },
      files: sidebar.map((file) => file.slice(dir.length + 1)),
    },
    backgroundGzipKb: { value: gzipKb(join(dir, 'background.js')), unit: 'KB gzip' },
    chunkCount: { value: chunks.length, unit: 'files' },
  };
}
