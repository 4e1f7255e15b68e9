/**
 * Where a restarted worker's start goes, module by module: a copy of a built extension whose
 * background bundle sets a `performance.mark` before each bundled module's top-level code and before
 * the background's `main`. The sidebar bench reads those marks with the worker's own (worker-heap.ts),
 * so a run over the copy shows the time from the worker's start to the bundle's first line, each
 * module's top-level code and `main`, without a profiler (which slows a start about fourfold).
 *
 *   KPI_LENS_NO_MINIFY=1 KPI_LENS_OUT_DIR=.output-m npx wxt build --mode test
 *   npx tsx scripts/bench/module-marks.ts .output-m/chrome-mv3-test
 *   KPI_LENS_OUT_DIR=.output-m npm run bench -- --only sidebar > marks.json
 *   npx tsx scripts/bench/module-marks.ts --report marks.json
 *
 * An unminified build is needed: the bundler names each module in a comment there (`// lib/...`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { median, round } from './stats';

/** The prefix of the marks this tool adds (worker-heap.ts reads every mark that has it). */
export const MODULE_MARK = 'kpi-lens:module:';
/** The mark set just before the background's `main` runs. */
export const MAIN_MARK = `${MODULE_MARK}main`;

/** The bundler's comment naming the module whose code follows, at the bundle's top level. */
const MODULE_COMMENT = /^\t\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.(?:m?js|cjs|tsx?|json))$/;
/** WXT's call of the background's `main`. */
const MAIN_CALL = /^(\t+)result = background_default\.main\(\);$/;

/** The bundle with a mark before each module and before `main`; how many modules were marked. */
export function markModules(bundle: string): { bundle: string; modules: number } {
  let modules = 0;
  let main = false;
  const lines: string[] = [];
  for (const line of bundle.split('\n')) {
    const module = MODULE_COMMENT.exec(line);
    const call = MAIN_CALL.exec(line);
    if (module) {
      lines.push(`\tperformance.mark(${JSON.stringify(MODULE_MARK + module[1])});`);
      modules += 1;
    } else if (call) {
      lines.push(`${call[1]}performance.mark(${JSON.stringify(MAIN_MARK)});`);
      main = true;
    }
    lines.push(line);
  }
  if (modules === 0) throw new Error('no module comments found: build without minifying (KPI_LENS_NO_MINIFY=1)');
  if (!main) throw new Error("the background's main call was not found");
  return { bundle: lines.join('\n'), modules };
}

type Marks = Record<string, number | null>;

/**
 * From each stop's worker marks (the bench JSON's phasesByRun): the medians of the time before the
 * bundle's first line, of all modules' top-level code, of `main`, and each module's own share (the
 * time from its mark to the next one).
 */
export function startSplit(runs: readonly Marks[]): { beforeFirstLine: number; modules: number; main: number; byModule: [string, number][] } {
  const perModule = new Map<string, number[]>();
  const before: number[] = [];
  const modules: number[] = [];
  const main: number[] = [];
  for (const run of runs) {
    const marks = Object.entries(run)
      .filter((entry): entry is [string, number] => entry[0].startsWith('module:') && entry[1] !== null)
      .sort((a, b) => a[1] - b[1]);
    const start = run['worker-start'];
    const ready = run['worker-ready'];
    const mainAt = run['module:main'];
    if (marks.length === 0 || start == null || ready == null || mainAt == null) continue;
    before.push(marks[0]![1] - start);
    modules.push(mainAt - marks[0]![1]);
    main.push(ready - mainAt);
    marks.forEach(([name, at], index) => {
      if (name === 'module:main') return;
      const next = marks[index + 1]?.[1] ?? mainAt;
      const times = perModule.get(name) ?? [];
      if (times.length === 0) perModule.set(name, times);
      times.push(next - at);
    });
  }
  if (before.length === 0) throw new Error('no stop has module marks: was the bench run over a marked copy?');
  const byModule = [...perModule].map(([name, times]): [string, number] => [name.slice('module:'.length), median(times)]).sort((a, b) => b[1] - a[1]);
  return { beforeFirstLine: median(before), modules: median(modules), main: median(main), byModule };
}

function main(args: string[]): void {
  if (args[0] === '--report' && args[1]) {
    const text = readFileSync(args[1], 'utf8');
    const result = JSON.parse(text.slice(text.indexOf('{'))) as { results: { sidebar: { freshNumbersAfterWorkerStopMs: { phasesByRun: Marks[] } } } };
    const split = startSplit(result.results.sidebar.freshNumbersAfterWorkerStopMs.phasesByRun);
    console.log(
      JSON.stringify(
        {
          beforeFirstLineMs: round(split.beforeFirstLine),
          modulesMs: round(split.modules),
          mainMs: round(split.main),
          slowestModulesMs: Object.fromEntries(split.byModule.slice(0, 15).map(([name, ms]) => [name, round(ms)])),
        },
        null,
        2,
      ),
    );
    return;
  }
  const dir = args[0];
  if (!dir) throw new Error('usage: module-marks.ts <built extension dir> | --report <bench json>');
  const file = join(dir, 'background.js');
  const { bundle, modules } = markModules(readFileSync(file, 'utf8'));
  writeFileSync(file, bundle);
  console.log(`${file}: ${modules} modules marked`);
}

if (process.argv[1]?.endsWith('module-marks.ts')) main(process.argv.slice(2));
