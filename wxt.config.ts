import { defineConfig } from 'wxt';
import { readFileSync } from 'node:fs';
import { ALL_CRM_HOST_PATTERNS, SANDBOX_HOST_PATTERNS } from './lib/adapters/hosts';

/**
 * What git ignores, as the sources ZIP's exclusions: the sources Firefox's reviewers get are the
 * repository's files, not what tests and demos wrote beside them (test-output/ held the screenshot
 * walk's 50 pictures, about 10 of the ZIP's 12 MB). `.ci/run` checks that no ignored file is in the ZIP.
 */
const ignoredByGit = readFileSync(new URL('./.gitignore', import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
  .map((line) => (line.endsWith('/') ? `${line.replace(/^\//, '')}**` : `**/${line.replace(/^\//, '')}`));

/**
 * Production builds hold no host permission at install: every CRM host is
 * optional and asked for when the rep connects that CRM. Development and test
 * builds add the local sandbox CRM so `npm run demo` and the end-to-end tests
 * work without a prompt.
 */
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  vite: (env) => {
    // A test build is the product plus the sandbox CRM's host, with the React and libraries users get:
    // WXT sets NODE_ENV to the mode, and "test" gave the end-to-end tests and the bench React's
    // development build (its checks and render logging: slower frames than any rep meets). Vitest
    // (command "serve") keeps its own NODE_ENV.
    if (env.command === 'build' && env.mode === 'test') process.env.NODE_ENV = 'production';
    // Readable bundles for a CPU profile (KPI_LENS_BENCH_PROFILE, scripts/bench/cold-profile.ts): names as in the source.
    return process.env.KPI_LENS_NO_MINIFY ? { build: { minify: false } } : {};
  },
  zip: { excludeSources: ignoredByGit },
  // Several builds may run side by side on one machine (engineers, CI jobs): each can pick its own folder.
  outDir: process.env.KPI_LENS_OUT_DIR ?? '.output',
  manifest: ({ mode, browser }) => {
    const withSandbox = mode === 'development' || mode === 'test';
    const pageHosts = withSandbox ? [...ALL_CRM_HOST_PATTERNS, ...SANDBOX_HOST_PATTERNS] : [...ALL_CRM_HOST_PATTERNS];
    return {
      name: 'KPI Lens',
      description: '__MSG_extDescription__',
      default_locale: 'en',
      // activeTab: "Read a table on this page" injects the table picker into the tab the rep is on, only after their click in the popup, with no host permission for that site.
      permissions: ['storage', 'unlimitedStorage', 'alarms', 'scripting', 'notifications', 'activeTab'],
      // cookies: the Salesforce session (`sid`), identity: Salesforce OAuth (launchWebAuthFlow); both asked only when the rep connects that way.
      // Firefox builds MV2, where optional hosts are optional permissions (WXT does not move optional_host_permissions there).
      optional_permissions: browser === 'firefox' ? ['cookies', 'identity', ...ALL_CRM_HOST_PATTERNS] : ['cookies', 'identity'],
      host_permissions: withSandbox ? [...SANDBOX_HOST_PATTERNS] : [],
      optional_host_permissions: [...ALL_CRM_HOST_PATTERNS],
      // The content script frames sidebar.html on CRM pages. Chromium: web-accessible on the CRM hosts
      // only through the dynamic URL (a random id per browser session), so a page cannot tell KPI
      // Lens is installed by loading chrome-extension://<fixed id>/sidebar.html. Firefox: nothing is
      // web-accessible (MV2 can only list a file for every site); Firefox lets the content script
      // frame the add-on's own page without it, and no web page can load it at all.
      ...(browser === 'firefox' ? {} : { web_accessible_resources: [{ resources: ['sidebar.html'], matches: pageHosts, use_dynamic_url: true }] }),
      commands: {
        'toggle-sidebar': {
          suggested_key: { default: 'Alt+Shift+K' },
          description: '__MSG_commandToggleSidebar__',
        },
      },
      // Firefox: a stable add-on id (storage survives updates) and the declaration that no data is collected by us.
      ...(browser === 'firefox'
        ? { browser_specific_settings: { gecko: { id: 'kpi-lens@kpi-lens.app', data_collection_permissions: { required: ['none'] } } } }
        : {}),
    };
  },
});
