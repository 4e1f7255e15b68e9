import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIREFOX_BUILD_DIR, filesUnder, requireBuild } from '../harness/build-output';
import { TEST_BUILD_DIR } from '../harness/chromium';
import { FIREFOX_TEST_BUILD_DIR } from '../harness/firefox';

/** What only React's development build carries: its JSX runtime and its warnings. */
const DEVELOPMENT_REACT = ['jsxDEV', 'unique "key" prop'];

function scripts(dir: string): { file: string; text: string }[] {
  return filesUnder(dir, '.js').map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * The end-to-end tests and the bench run the test build: it must be the product as reps get it (the
 * production React and libraries), plus the sandbox CRM's host, or they would time and test React's
 * development build (wxt.config.ts).
 */
describe('the test builds run the React reps get', () => {
  const builds = {
    production: requireBuild(),
    'production (Firefox)': FIREFOX_BUILD_DIR,
    test: TEST_BUILD_DIR,
    'test (Firefox)': FIREFOX_TEST_BUILD_DIR,
  };

  for (const [name, dir] of Object.entries(builds)) {
    it(`${name}: React's production build, in pages that use React`, () => {
      const files = scripts(dir);
      // The pages are there (a build without React would pass the next check for nothing).
      expect(files.filter(({ text }) => text.includes('react.transitional.element')).length, dir).toBeGreaterThan(0);
      const development = files.filter(({ text }) => DEVELOPMENT_REACT.some((marker) => text.includes(marker))).map(({ file }) => file);
      expect(development, dir).toEqual([]);
    });
  }
});
