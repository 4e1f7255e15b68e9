/**
 * One DAY_MS (lib/period/units.ts): rewrites every other day-length constant (`const DAY = 86_400_000`,
 * `MS_PER_DAY`, `24 * HOUR`, a bare `86_400_000`) into an import of DAY_MS. Idempotent: a second run
 * changes nothing. `npx tsx scripts/codemods/day-ms.ts` (then `npx tsc --noEmit`); `--check` lists
 * what it would change and exits 1 if anything.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

// eslint-disable-next-line no-restricted-syntax -- the value this codemod looks for
const DAY = 86_400_000;
const HOME = 'lib/period/units.ts';
const NAMES = new Set(['DAY', 'DAY_MS', 'MS_PER_DAY']);
type Edit = { start: number; end: number; text: string };

const root = resolve(import.meta.dirname, '../..');
const files = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /^(lib|components|entrypoints|scripts|test)\//.test(f) && f !== HOME && !f.startsWith('scripts/codemods/'));

/** The numeric value of a constant expression of literals and the file's own constants, if it has one. */
function valueOf(node: ts.Expression, consts: Map<string, number>): number | undefined {
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isParenthesizedExpression(node)) return valueOf(node.expression, consts);
  if (ts.isIdentifier(node)) return consts.get(node.text);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AsteriskToken) {
    const [a, b] = [valueOf(node.left, consts), valueOf(node.right, consts)];
    return a === undefined || b === undefined ? undefined : a * b;
  }
  return undefined;
}

function dayConstants(source: ts.SourceFile): { names: Set<string>; statements: ts.VariableStatement[] } {
  const consts = new Map<string, number>();
  const names = new Set<string>();
  const statements: ts.VariableStatement[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of statement.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || d.initializer === undefined) continue;
      const value = valueOf(d.initializer, consts);
      if (value !== undefined) consts.set(d.name.text, value);
      if (value === DAY && NAMES.has(d.name.text) && statement.declarationList.declarations.length === 1) {
        names.add(d.name.text);
        statements.push(statement);
      }
    }
  }
  return { names, statements };
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(resolve(root, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
const resolveModule = (from: string, spec: string) => {
  if (!spec.startsWith('.') && !spec.startsWith('@/')) return undefined;
  const base = spec.startsWith('@/') ? spec.slice(2) : relative(root, resolve(root, dirname(from), spec));
  return [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((c) => files.includes(c) || c === HOME);
};
const exporters = new Map(files.map((f) => [f, dayConstants(parse(f)).names] as const).filter(([, names]) => names.size > 0));

function importLine(file: string): string {
  if (/^(components|entrypoints)\//.test(file)) return "import { DAY_MS } from '@/lib/period';\n";
  // lib/forecast may import lib/period only through its index (lib/forecast/boundaries.test.ts).
  const home = file.startsWith('lib/forecast/') ? 'lib/period/index.ts' : HOME;
  let spec = relative(dirname(resolve(root, file)), resolve(root, home)).replace(/(\/index)?\.ts$/, '');
  if (!spec.startsWith('.')) spec = `./${spec}`;
  return `import { DAY_MS } from '${spec}';\n`;
}

function rewrite(file: string): string | undefined {
  const source = parse(file);
  const text = source.text;
  const edits: Edit[] = [];
  const { names, statements } = dayConstants(source);
  // The statement goes; comments before it stay (they often describe what follows), and so does one blank line.
  for (const s of statements) {
    let end = s.getEnd() + (text[s.getEnd()] === '\n' ? 1 : 0);
    if (text.slice(s.getStart() - 2, s.getStart()) === '\n\n' && text[end] === '\n') end += 1;
    edits.push({ start: s.getStart(), end, text: '' });
  }
  // Names imported from a module whose day constant goes away.
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = resolveModule(file, statement.moduleSpecifier.text);
    const gone = from === undefined ? undefined : exporters.get(from);
    const named = statement.importClause?.namedBindings;
    if (gone === undefined || named === undefined || !ts.isNamedImports(named)) continue;
    const kept = named.elements.filter((e) => !gone.has((e.propertyName ?? e.name).text));
    if (kept.length === named.elements.length) continue;
    for (const e of named.elements) if (gone.has((e.propertyName ?? e.name).text)) names.add(e.name.text);
    if (kept.length === 0 && statement.importClause?.name === undefined)
      edits.push({ start: statement.getStart(), end: statement.getEnd() + (text[statement.getEnd()] === '\n' ? 1 : 0), text: '' });
    else edits.push({ start: named.getStart(), end: named.getEnd(), text: `{ ${kept.map((e) => e.getText()).join(', ')} }` });
  }
  const inside = (node: ts.Node) =>
    statements.some((s) => node.getStart() >= s.getStart() && node.getEnd() <= s.getEnd()) ||
    edits.some((e) => e.text === '' && node.getStart() >= e.start && node.getEnd() <= e.end);
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node) && names.has(node.text) && node.text !== 'DAY_MS' && !inside(node)) {
      const parent = node.parent;
      const isKey = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (ts.isShorthandPropertyAssignment(parent)) edits.push({ start: node.getStart(), end: node.getEnd(), text: `${node.text}: DAY_MS` });
      else if (!isKey) edits.push({ start: node.getStart(), end: node.getEnd(), text: 'DAY_MS' });
    }
    if (ts.isNumericLiteral(node) && Number(node.text) === DAY && !inside(node)) edits.push({ start: node.getStart(), end: node.getEnd(), text: 'DAY_MS' });
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (edits.length === 0) return undefined;
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const hasImport = /import \{[^}]*\bDAY_MS\b[^}]*\} from '[^']*(period|period\/units)'/.test(out);
  if (!hasImport && /\bDAY_MS\b/.test(out)) {
    const firstImport = out.search(/^import /m);
    // No imports yet: after the file's header comment, if it has one.
    const at = firstImport !== -1 ? firstImport : (/^(?:\/\*[\s\S]*?\*\/\n|\/\/.*\n)+/.exec(out)?.[0].length ?? 0);
    out = out.slice(0, at) + importLine(file) + out.slice(at);
  }
  return out === text ? undefined : out;
}

const check = process.argv.includes('--check');
const changed = files.flatMap((file) => {
  const out = rewrite(file);
  if (out === undefined) return [];
  if (!check) writeFileSync(resolve(root, file), out);
  return [file];
});
console.log(
  changed.length === 0 ? 'day-ms: nothing to change' : `day-ms: ${check ? 'would change' : 'changed'} ${changed.length} files\n${changed.join('\n')}`,
);
if (check && changed.length > 0) process.exitCode = 1;
