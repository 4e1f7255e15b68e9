import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The import graph between lib/ folders, read from the source (no bundler): every static
 * `import … from`, `export … from` and dynamic `import()` of a non-test file, resolved to the
 * folder under lib/ it lands in. Relative specifiers and the `@/` alias are followed; packages
 * and node: modules are not part of lib/ and are left out.
 */
export type FolderEdge = { from: string; to: string; file: string; specifier: string };

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
const TEST_FILE = /\.test\.tsx?$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !TEST_FILE.test(name) ? [path] : [];
  });
}

function resolveSpecifier(root: string, file: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? join(root, specifier.slice(2)) : specifier.startsWith('.') ? resolve(dirname(file), specifier) : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** lib/<folder>/… → <folder>; anything outside lib/ → undefined. */
function libFolder(root: string, path: string): string | undefined {
  const parts = relative(join(root, 'lib'), path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? parts[0] : undefined;
}

export function libFolderEdges(root: string): FolderEdge[] {
  const edges: FolderEdge[] = [];
  for (const file of sourceFiles(join(root, 'lib'))) {
    const from = libFolder(root, file);
    if (from === undefined) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = specifier === undefined ? undefined : resolveSpecifier(root, file, specifier);
      const to = target === undefined ? undefined : libFolder(root, target);
      if (to !== undefined && to !== from) edges.push({ from, to, file: relative(root, file), specifier: specifier! });
    }
  }
  return edges;
}

/** Every cycle's folders, found by a depth-first walk (one representative path per back edge). */
export function folderCycles(edges: readonly FolderEdge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const to of next.get(node) ?? []) {
      if (state.get(to) === 'open') cycles.push([...path.slice(path.indexOf(to)), to]);
      else if (!state.has(to)) visit(to);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...next.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
