import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_CRM_HOST_PATTERNS } from '../../lib/adapters/hosts';
import { buildFiles, readBuildFile, readFirefoxManifest, readManifest } from '../harness/build-output';

/**
 * The production manifest, pinned: a new permission or host must be a
 * deliberate change to this test and to PRIVACY.md, never a side effect of a
 * dependency or a build option.
 */
const PERMISSIONS = ['activeTab', 'alarms', 'notifications', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage'];
const OPTIONAL_PERMISSIONS = ['cookies', 'identity'];
/** Per CRM, the hosts asked for only when the rep connects that CRM (lib/adapters/hosts.ts). */
const OPTIONAL_HOSTS: Record<string, string[]> = {
  Pipedrive: ['https://*.pipedrive.com/*'],
  // commercial cloud, Government Cloud Plus (.mil), Salesforce on Alibaba Cloud (China); a connection asks for its own cloud's
  Salesforce: [
    'https://*.force.com/*',
    'https://*.salesforce.com/*',
    'https://*.force.mil/*',
    'https://*.crmforce.mil/*',
    'https://*.salesforce.mil/*',
    'https://*.sfcrmapps.cn/*',
    'https://*.sfcrmproducts.cn/*',
  ],
  HubSpot: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://api.hubapi.com/*'],
  Close: ['https://app.close.com/*', 'https://api.close.com/*'],
  'amoCRM / Kommo': ['https://*.kommo.com/*', 'https://*.amocrm.ru/*', 'https://*.amocrm.com/*'],
  Bitrix24: ['ru', 'com', 'by', 'kz', 'de', 'eu', 'ua', 'uz', 'es', 'fr', 'it', 'pl', 'uk', 'in', 'jp', 'cn', 'vn', 'id', 'com.br', 'com.tr'].map(
    (zone) => `https://*.bitrix24.${zone}/*`,
  ),
};
const ALL_OPTIONAL_HOSTS = Object.values(OPTIONAL_HOSTS).flat();

/** Every string anywhere in a JSON value, with its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
  return [];
}

describe('production manifest', () => {
  const manifest = readManifest();

  it('asks for exactly these permissions, and cookies/identity only as optional', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(PERMISSIONS);
    expect([...(manifest.optional_permissions ?? [])].sort()).toEqual(OPTIONAL_PERMISSIONS);
  });

  it('holds no host permission at install: every CRM host is optional, per CRM, and nothing else', () => {
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(ALL_OPTIONAL_HOSTS);
    expect(ALL_CRM_HOST_PATTERNS).toEqual(ALL_OPTIONAL_HOSTS);
    for (const pattern of ALL_OPTIONAL_HOSTS) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
  });

  it('matches no page beyond the CRMs: no <all_urls>, no wildcard host, no localhost, no static content script', () => {
    for (const [path, text] of strings(manifest)) {
      expect(text, path).not.toMatch(/<all_urls>|^\*:\/\/|^https?:\/\/\*\/|^(\*|https?):\/\/\*\/\*$|localhost|127\.0\.0\.1/);
    }
    expect(manifest.content_scripts).toBeUndefined(); // registered at run time, only on granted CRM hosts
    // Only at the per-session dynamic address, so a page cannot detect KPI Lens by its fixed id.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['sidebar.html'], matches: ALL_OPTIONAL_HOSTS, use_dynamic_url: true }]);
    expect(manifest.externally_connectable).toBeUndefined(); // no web page or other extension can message KPI Lens
  });

  it('keeps the default MV3 content security policy and loads no remote code', () => {
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    const scripts = strings({ background: manifest.background, action: manifest.action, options: manifest.options_ui, side: manifest.side_panel });
    for (const [path, text] of scripts) expect(text, path).not.toMatch(/:\/\/|^\/\//);
    for (const page of buildFiles('.html')) {
      const html = readBuildFile(page);
      const refs = [...html.matchAll(/<(?:script|link|img|iframe)\b[^>]*?\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]!);
      expect(refs.length, page).toBeGreaterThan(0);
      for (const ref of refs) expect(ref, `${page}: ${ref}`).toMatch(/^\/?[\w./-]+$/);
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
    }
  });
});

describe('production manifest for Firefox (MV2)', () => {
  const firefox = readFirefoxManifest();

  it('asks for the same permissions (no side panel: Firefox has its sidebar_action), CRM hosts only as optional', () => {
    expect(firefox.manifest_version).toBe(2);
    expect([...(firefox.permissions ?? [])].sort()).toEqual(PERMISSIONS.filter((permission) => permission !== 'sidePanel'));
    // MV2 has no optional_host_permissions: the CRM hosts are optional permissions, asked at connect.
    expect(firefox.optional_permissions).toEqual([...OPTIONAL_PERMISSIONS, ...ALL_OPTIONAL_HOSTS]);
    expect(firefox.host_permissions).toBeUndefined();
  });

  it('makes nothing web-accessible (MV2 could only list sidebar.html for every site), and loads no content script statically', () => {
    expect(firefox.web_accessible_resources).toBeUndefined();
    expect(firefox.content_scripts).toBeUndefined();
    for (const [path, text] of strings(firefox)) expect(text, path).not.toMatch(/<all_urls>|^\*:\/\/|localhost|127\.0\.0\.1/);
    expect(firefox.content_security_policy).toBeUndefined();
    expect(firefox.browser_specific_settings).toEqual({ gecko: { id: 'kpi-lens@kpi-lens.app', data_collection_permissions: { required: ['none'] } } });
  });
});

describe('PRIVACY.md justifies the manifest', () => {
  const privacy = readFileSync(new URL('../../PRIVACY.md', import.meta.url), 'utf8');
  /** Markdown table rows as cells. */
  const rows = privacy
    .split('\n')
    .filter((line) => /^\|.*\|\s*$/.test(line) && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  /** The row that names `item` in code in one of its first two cells, with a justification (the last cell) of real text. */
  const justification = (item: string) => rows.find((cells) => cells.slice(0, 2).some((cell) => codeSpans(cell).includes(item)))?.at(-1) ?? '';

  it('every permission and optional permission has a row with a reason', () => {
    for (const permission of [...(manifest().permissions ?? []), ...(manifest().optional_permissions ?? [])]) {
      expect(justification(permission).length, `PRIVACY.md: no justification for \`${permission}\``).toBeGreaterThan(30);
    }
  });

  it('every optional host permission has a row with its CRM and a reason', () => {
    for (const host of manifest().optional_host_permissions ?? []) {
      expect(justification(host).length, `PRIVACY.md: no justification for \`${host}\``).toBeGreaterThan(30);
    }
  });

  it('a permission PRIVACY.md does not name would fail (the parser is not vacuous)', () => {
    expect(justification('tabs')).toBe('');
    expect(justification('<all_urls>')).toBe('');
  });
});

function manifest() {
  return readManifest();
}
