import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';

/**
 * Lint guards what review can miss: no eval-like code (MV3's CSP forbids it and
 * CRM data must never be executed) and no HTML built from strings, which is how
 * CRM data would end up as markup (innerHTML, dangerouslySetInnerHTML...).
 */
const noHtmlInjection = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render CRM data as text.' },
  {
    selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: build DOM nodes or use textContent.',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML: build DOM nodes.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No document.write.' },
];

/**
 * One channel to the background: send() in lib/messaging/send.ts, typed by the protocol the
 * background validates. Anything else calling runtime.sendMessage (pages, content scripts)
 * would be untyped and unchecked, so only lib/messaging may.
 */
const CHANNEL_MESSAGE = 'Ask the background with send() from lib/messaging/send.ts: it is typed by the protocol the background validates.';
const channelOnly = [
  { selector: "MemberExpression[object.name='runtime'][property.name='sendMessage']", message: CHANNEL_MESSAGE },
  { selector: "MemberExpression[object.property.name='runtime'][property.name='sendMessage']", message: CHANNEL_MESSAGE },
  { selector: "MemberExpression[object.property.name='runtime'][property.value='sendMessage']", message: CHANNEL_MESSAGE },
  { selector: "VariableDeclarator[init.property.name='runtime'] > ObjectPattern > Property[key.name='sendMessage']", message: CHANNEL_MESSAGE },
];

/**
 * The pure core (issue 18): lib/kpi, lib/model, lib/period, lib/adapters and lib/forecast compute, and
 * run the same in the extension, in Node (the CLI) and in tests. So they read no clock of their own
 * ("now" is a parameter: the `now` of a KPI context, the AdapterContext's `now()`, a forecast's asOf),
 * and import no React, Dexie, WXT or extension API: those belong to entrypoints/, components/ and lib/db.
 */
const PURE_CORE = ['lib/kpi/**/*.ts', 'lib/model/**/*.ts', 'lib/period/**/*.ts', 'lib/adapters/**/*.ts', 'lib/forecast/**/*.ts'];
const CLOCK_MESSAGE =
  'The pure core (lib/kpi, lib/model, lib/period, lib/adapters, lib/forecast) reads no clock: take "now" as a parameter (ctx.now() in an adapter).';
const noClock = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: CLOCK_MESSAGE },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK_MESSAGE },
  { selector: "CallExpression[callee.name='Date']", message: CLOCK_MESSAGE },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: CLOCK_MESSAGE },
];
const PLATFORM_MESSAGE =
  'The pure core (lib/kpi, lib/model, lib/period, lib/adapters, lib/forecast) is framework-free: no React, Dexie, WXT or extension API here.';
const noPlatformImports = {
  paths: ['react', 'react-dom', 'dexie', 'wxt', '#imports', 'webextension-polyfill', 'zustand'].map((name) => ({ name, message: PLATFORM_MESSAGE })),
  patterns: [
    { group: ['react/*', 'react-dom/*', 'dexie/*', 'wxt/*', '@wxt-dev/*', '#imports/*', 'webextension-polyfill/*', 'zustand/*'], message: PLATFORM_MESSAGE },
  ],
};
const noExtensionGlobals = [
  { name: 'browser', message: PLATFORM_MESSAGE },
  { name: 'chrome', message: PLATFORM_MESSAGE },
];
const noExtensionGlobalsByMember = [{ selector: "MemberExpression[object.name='globalThis'][property.name=/^(browser|chrome)$/]", message: PLATFORM_MESSAGE }];

/**
 * Pages, entrypoints and scripts use lib/ through each module's public index with the `@/` alias
 * (`@/lib/kpi`), never a file inside it or a relative path: the index is what a module promises, and
 * the rest may move. `npx tsx scripts/codemods/lib-imports.ts` rewrites strays and extends the indexes.
 */
const LIB_INDEX_MESSAGE = "Import lib/ through its module's index with the @/ alias (e.g. '@/lib/kpi'); run `npx tsx scripts/codemods/lib-imports.ts`.";
const libThroughIndex = {
  patterns: [
    // A module's test helpers (test-*.ts, see test/README.md) are not part of its index: a benchmark may use them directly.
    { regex: '^(\\.{1,2}/)+(.*/)?lib(/|$)(?!(.*/)?test-[^/]+$)', message: LIB_INDEX_MESSAGE },
    { regex: '^@/lib/[^/]+/(?!(.*/)?test-[^/]+$)', message: LIB_INDEX_MESSAGE },
  ],
};

/** One length of a day (issue 18): DAY_MS in lib/period/units.ts; `npx tsx scripts/codemods/day-ms.ts` rewrites strays. */
const oneDayMs = [{ selector: 'Literal[value=86400000]', message: 'Use DAY_MS from lib/period (lib/period/units.ts): one length of a day.' }];

export default tseslint.config(
  { ignores: ['node_modules/', '.output*/', '.wxt/', 'demo-output/', 'bench-output/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    // no-implied-eval only sees timers it knows as globals: without these, setTimeout('code') passed lint.
    languageOptions: { globals: { window: 'readonly', self: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', execScript: 'readonly' } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...noHtmlInjection, ...channelOnly, ...oneDayMs],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // The channel itself; and the end-to-end tests, which speak to the built extension as a page or a hostile script would.
    files: ['lib/messaging/**', 'test/e2e/**', 'test/fixtures/**'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlInjection, ...oneDayMs] },
  },
  {
    files: PURE_CORE,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...noHtmlInjection, ...channelOnly, ...noClock, ...noExtensionGlobalsByMember, ...oneDayMs],
      'no-restricted-imports': ['error', noPlatformImports],
      'no-restricted-globals': ['error', ...noExtensionGlobals],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', libThroughIndex] },
  },
  {
    // A unit test's files go in a folder removed when it ends (test/harness/temp-dir.ts), not one left in /tmp.
    files: ['lib/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'].map((name) => ({
            name,
            importNames: ['mkdtemp', 'mkdtempSync'],
            message: 'Use testTempDir or suiteTempDir (test/harness/temp-dir.ts): they remove the folder when the test ends.',
          })),
        },
      ],
    },
  },
  {
    // Where the day is defined.
    files: ['lib/period/units.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHtmlInjection, ...channelOnly, ...noClock] },
  },
  {
    // The sandbox CRM is a test server that writes its own pages; it escapes every value (see pages.ts).
    files: ['test/**', 'scripts/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // Last: Prettier owns layout (.prettierrc.json, `npm run format`), so no lint rule may argue about it.
  prettier,
);
