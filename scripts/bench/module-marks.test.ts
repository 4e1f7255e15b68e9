import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MAIN_MARK, MODULE_MARK, markModules, startSplit } from './module-marks';

/** The shape of WXT's unminified background bundle: modules named in comments, then `main` called. */
const BUNDLE = [
  'var background = (function() {',
  '\t// node_modules/zod/v4/core/util.js',
  '\tvar a = 1;',
  '\t// lib/settings/schema.ts',
  '\tvar b = a + 1;',
  '\t// why this line is here (not a module)',
  '\tfunction f() {',
  '\t\t// lib/inner.ts (nested, not a module boundary)',
  '\t\treturn b;',
  '\t}',
  "\tvar background_default = { main() { performance.mark('main-ran:' + f()); } };",
  '\tvar result;',
  '\ttry {',
  '\t\tresult = background_default.main();',
  '\t} catch (err) { throw err; }',
  '\treturn result;',
  '})();',
].join('\n');

describe('a background bundle with module marks', () => {
  it('marks each module where its top-level code starts and main before it runs, and still runs', () => {
    const { bundle, modules } = markModules(BUNDLE);
    expect(modules).toBe(2);
    const marks: string[] = [];
    runInNewContext(bundle, { performance: { mark: (name: string) => marks.push(name) } });
    expect(marks).toEqual([`${MODULE_MARK}node_modules/zod/v4/core/util.js`, `${MODULE_MARK}lib/settings/schema.ts`, MAIN_MARK, 'main-ran:2']);
    // Nothing else changed: without the added lines it is the bundle as built.
    expect(
      bundle
        .split('\n')
        .filter((line) => !line.includes(MODULE_MARK))
        .join('\n'),
    ).toBe(BUNDLE);
  });

  it('says why when the build is minified (no module comments) or has no main call', () => {
    expect(() => markModules('var background=function(){}();')).toThrow(/KPI_LENS_NO_MINIFY/);
    expect(() => markModules('\t// lib/a.ts\n\tvar a = 1;')).toThrow(/main call/);
  });
});

describe("the split of a worker's start", () => {
  it('gives the medians of the time before the first line, the modules, main and each module', () => {
    const runs: Record<string, number | null>[] = [
      // before 80 − 10 = 70; modules 110 − 80 = 30; main 125 − 110 = 15; a 90 − 80 = 10; b 110 − 90 = 20
      { 'worker-start': 10, 'module:a': 80, 'module:b': 90, 'module:main': 110, 'worker-ready': 125, 'read-started': 140 },
      // before 84 − 12 = 72; modules 116 − 84 = 32; main 128 − 116 = 12; a 100 − 84 = 16; b 116 − 100 = 16
      { 'worker-start': 12, 'module:a': 84, 'module:b': 100, 'module:main': 116, 'worker-ready': 128, 'read-started': null },
      // no module marks (a build without them): left out
      { 'worker-start': 9, 'worker-ready': 100 },
    ];
    const split = startSplit(runs);
    expect(split.beforeFirstLine).toBe(71); // (70 + 72) / 2
    expect(split.modules).toBe(31); // (30 + 32) / 2
    expect(split.main).toBe(13.5); // (15 + 12) / 2
    expect(split.byModule).toEqual([
      ['b', 18], // (20 + 16) / 2
      ['a', 13], // (10 + 16) / 2
    ]);
  });

  it('refuses a bench run without module marks', () => {
    expect(() => startSplit([{ 'worker-start': 9, 'worker-ready': 100 }])).toThrow(/marked copy/);
  });
});
