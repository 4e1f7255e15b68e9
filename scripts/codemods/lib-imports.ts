/**
 * Pages, entrypoints and scripts import lib/ through each module's public index with the `@/` alias:
 * `import { x } from '../../lib/kpi/registry'` becomes `import { x } from '@/lib/kpi'`. A name the index
 * does not export yet is added to it (`export { x } from './registry'`, `export type` for a type), so the
 * index says what the module offers outside lib/. Idempotent: a second run changes nothing.
 *
 *   npx tsx scripts/codemods/lib-imports.ts           rewrite, then `npx tsc --noEmit && npx eslint .`
 *   npx tsx scripts/codemods/lib-imports.ts --check   list what it would change; exit 1 if anything
 *
 * Left alone, and listed: default and namespace imports, side-effect imports, dynamic `import()`
 * (a lazy chunk should load the one file it needs, not a whole index), `vi.mock` paths, test helpers
 * (`test-*.ts`, which no index offers), and a name the
 * index already exports from a different declaration (a clash to settle by hand).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '../..');
const CALLERS = ['components', 'entrypoints', 'scripts'];
const check = process.argv.includes('--check');

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => console.error(d.messageText) },
);
if (config === undefined) throw new Error('tsconfig.json could not be read');
const program = ts.createProgram(config.fileNames, config.options);
const checker = program.getTypeChecker();

const rel = (path: string) => relative(root, path).split(sep).join('/');
const libModuleOf = (file: string) => /^lib\/([^/]+)\//.exec(rel(file))?.[1];
const indexPath = (module: string) => join(root, 'lib', module, 'index.ts');

function resolveSpecifier(spec: string, from: string): string | undefined {
  return ts.resolveModuleName(spec, from, config!.options, ts.sys).resolvedModule?.resolvedFileName;
}

function target(symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

function exportsOf(path: string): Map<string, ts.Symbol> {
  const source = program.getSourceFile(path);
  const moduleSymbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
  return new Map((moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol)).map((s) => [s.name, target(s)] as const));
}

type Addition = { file: string; name: string; typeOnly: boolean; symbol: ts.Symbol };
const indexExports = new Map<string, Map<string, ts.Symbol>>();
const additions = new Map<string, Addition[]>();
const skipped: string[] = [];
const changedFiles = new Map<string, string>();

/** Whether lib/<module>'s index offers `name` as the same declaration, after what this run adds. */
function offer(module: string, deepFile: string, name: string): 'ok' | 'clash' | 'missing' {
  const deep = exportsOf(deepFile).get(name);
  if (deep === undefined) return 'missing';
  if (!indexExports.has(module)) indexExports.set(module, existsSync(indexPath(module)) ? exportsOf(indexPath(module)) : new Map());
  const current = indexExports.get(module)!;
  const existing = current.get(name);
  if (existing !== undefined) return existing === deep ? 'ok' : 'clash';
  const typeOnly = (deep.flags & ts.SymbolFlags.Value) === 0;
  current.set(name, deep);
  additions.set(module, [...(additions.get(module) ?? []), { file: deepFile, name, typeOnly, symbol: deep }]);
  return 'ok';
}

type Rewrite = { statement: ts.ImportDeclaration | ts.ExportDeclaration; module: string; elements: string[] };

function rewriteFile(source: ts.SourceFile): void {
  const rewrites: Rewrite[] = [];
  for (const statement of source.statements) {
    if (
      !(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) ||
      statement.moduleSpecifier === undefined ||
      !ts.isStringLiteral(statement.moduleSpecifier)
    )
      continue;
    const spec = statement.moduleSpecifier.text;
    if (!spec.startsWith('.') && !spec.startsWith('@/')) continue;
    const resolved = resolveSpecifier(spec, source.fileName);
    const module = resolved === undefined ? undefined : libModuleOf(resolved);
    if (resolved === undefined || module === undefined) continue;
    const where = `${rel(source.fileName)}: '${spec}'`;
    // A module's test helpers (test-*.ts) stay out of its index; a benchmark imports them by path.
    if (/\/test-[^/]+$/.test(resolved)) continue;
    const isIndex = resolved === indexPath(module);
    if (isIndex && spec === `@/lib/${module}`) {
      // Already right; still merged with rewritten imports of the same module below.
      if (ts.isImportDeclaration(statement) && namedOnly(statement)) rewrites.push({ statement, module, elements: elementsOf(statement) });
      continue;
    }
    const named = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : statement.exportClause;
    const defaultName = ts.isImportDeclaration(statement) ? statement.importClause?.name : undefined;
    if (named === undefined || defaultName !== undefined || !(ts.isNamedImports(named) || ts.isNamedExports(named))) {
      skipped.push(`${where} (default, namespace or side-effect import)`);
      continue;
    }
    const verdicts = isIndex ? [] : named.elements.map((e) => [e, offer(module, resolved, (e.propertyName ?? e.name).text)] as const);
    const bad = verdicts.filter(([, v]) => v !== 'ok');
    if (bad.length > 0) {
      skipped.push(
        `${where} (${bad.map(([e, v]) => `${(e.propertyName ?? e.name).text}: ${v === 'clash' ? 'the index exports another declaration of this name' : 'not found'}`).join(', ')})`,
      );
      continue;
    }
    rewrites.push({ statement, module, elements: ts.isImportDeclaration(statement) ? elementsOf(statement) : [] });
  }
  if (
    rewrites.every((r) => ts.isImportDeclaration(r.statement) && (r.statement.moduleSpecifier as ts.StringLiteral).text === `@/lib/${r.module}`) &&
    !hasDuplicates(rewrites)
  )
    return;

  const text = source.text;
  const edits: { start: number; end: number; text: string }[] = [];
  const byModule = new Map<string, Rewrite[]>();
  for (const r of rewrites) {
    if (ts.isExportDeclaration(r.statement)) {
      const spec = r.statement.moduleSpecifier!;
      edits.push({ start: spec.getStart(), end: spec.getEnd(), text: `'@/lib/${r.module}'` });
    } else byModule.set(r.module, [...(byModule.get(r.module) ?? []), r]);
  }
  for (const [module, group] of byModule) {
    const elements = [...new Set(group.flatMap((r) => r.elements))];
    const allTypes = elements.every((e) => e.startsWith('type '));
    const list = allTypes ? elements.map((e) => e.slice(5)) : elements;
    const merged = `import ${allTypes ? 'type ' : ''}{ ${list.join(', ')} } from '@/lib/${module}';`;
    const [first, ...rest] = group;
    if (rest.length === 0 && (first!.statement.moduleSpecifier as ts.StringLiteral).text === `@/lib/${module}`) continue;
    edits.push({ start: first!.statement.getStart(), end: first!.statement.getEnd(), text: merged });
    for (const r of rest) edits.push({ start: r.statement.getStart(), end: r.statement.getEnd() + (text[r.statement.getEnd()] === '\n' ? 1 : 0), text: '' });
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (out !== text) changedFiles.set(source.fileName, out);
}

function namedOnly(statement: ts.ImportDeclaration): boolean {
  const clause = statement.importClause;
  return clause !== undefined && clause.name === undefined && clause.namedBindings !== undefined && ts.isNamedImports(clause.namedBindings);
}

/** Each element as written, `type ` in front when the statement or the element is type-only. */
function elementsOf(statement: ts.ImportDeclaration): string[] {
  const clause = statement.importClause!;
  const named = clause.namedBindings as ts.NamedImports;
  return named.elements.map((e) => {
    const own = e.getText().replace(/^type\s+/, '');
    return clause.isTypeOnly || e.isTypeOnly ? `type ${own}` : own;
  });
}

function hasDuplicates(rewrites: readonly Rewrite[]): boolean {
  const modules = rewrites.filter((r) => ts.isImportDeclaration(r.statement)).map((r) => r.module);
  return new Set(modules).size !== modules.length;
}

function writeIndexes(): string[] {
  const written: string[] = [];
  for (const [module, list] of additions) {
    const path = indexPath(module);
    let text = existsSync(path)
      ? readFileSync(path, 'utf8')
      : `/** The public face of lib/${module}: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */\n`;
    const byFile = new Map<string, Addition[]>();
    for (const a of list) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a]);
    for (const [file, names] of byFile) {
      let spec = relative(dirname(path), file)
        .split(sep)
        .join('/')
        .replace(/\.tsx?$/, '')
        .replace(/\/index$/, '');
      if (!spec.startsWith('.')) spec = `./${spec}`;
      const items = [...names].sort((a, b) => a.name.localeCompare(b.name)).map((a) => (a.typeOnly ? `type ${a.name}` : a.name));
      const line = new RegExp(`^export \\{([^}]*)\\} from '${spec.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}';$`, 'm');
      const found = line.exec(text);
      text = found
        ? text.replace(line, `export {${found[1]!.trimEnd()}, ${items.join(', ')} } from '${spec}';`)
        : `${text.trimEnd()}\nexport { ${items.join(', ')} } from '${spec}';\n`;
    }
    if (!check) writeFileSync(path, text);
    written.push(rel(path));
  }
  return written;
}

for (const source of program.getSourceFiles()) {
  const path = rel(source.fileName);
  if (source.isDeclarationFile || path.startsWith('..') || !CALLERS.some((c) => path.startsWith(`${c}/`)) || path.startsWith('scripts/codemods/')) continue;
  rewriteFile(source);
}
const indexes = writeIndexes();
if (!check) for (const [file, text] of changedFiles) writeFileSync(file, text);
const verb = check ? 'would change' : 'changed';
console.log(`lib-imports: ${verb} ${changedFiles.size} files, ${verb} ${indexes.length} indexes${indexes.length > 0 ? ` (${indexes.join(', ')})` : ''}`);
if (check) for (const file of changedFiles.keys()) console.log(`  ${rel(file)}`);
if (skipped.length > 0) console.log(`left alone (${skipped.length}):\n${skipped.map((s) => `  ${s}`).join('\n')}`);
if (check && changedFiles.size + indexes.length > 0) process.exitCode = 1;
