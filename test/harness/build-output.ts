import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PRODUCTION_BUILD_DIR } from '../../scripts/bench/sizes';

/**
 * The production build the security and size checks read: `npm run build`
 * (`.output/chrome-mv3`, or `$KPI_LENS_OUT_DIR/chrome-mv3`), which `npm test`
 * runs before Vitest. A missing build fails loudly rather than passing.
 */
export const BUILD_DIR = PRODUCTION_BUILD_DIR;

export function requireBuild(): string {
  if (!existsSync(join(BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${BUILD_DIR}: run \`npm run build\` first (with the same KPI_LENS_OUT_DIR).`);
  }
  return BUILD_DIR;
}

export type Manifest = Record<string, unknown> & {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
};

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(join(requireBuild(), 'manifest.json'), 'utf8')) as Manifest;
}

/** The production Firefox build (`npm run build:firefox`, MV2), which `npm test` builds too. */
export const FIREFOX_BUILD_DIR = join(BUILD_DIR, '..', 'firefox-mv2');

export function readFirefoxManifest(): Manifest {
  if (!existsSync(join(FIREFOX_BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox production build at ${FIREFOX_BUILD_DIR}: run \`npm run build:firefox\` first (with the same KPI_LENS_OUT_DIR).`);
  }
  return JSON.parse(readFileSync(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8')) as Manifest;
}

/** Every file of the production build with one of the extensions, as paths relative to the build folder. */
export function buildFiles(...extensions: string[]): string[] {
  return filesUnder(requireBuild(), ...extensions);
}

/** Every file under `root` (any build) with one of the extensions, as paths relative to it; a missing build fails loudly. */
export function filesUnder(root: string, ...extensions: string[]): string[] {
  if (!existsSync(join(root, 'manifest.json')))
    throw new Error(`No build at ${root}: \`npm test\` builds it before Vitest (npm run build, build:test and their Firefox twins).`);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

export const readBuildFile = (file: string) => readFileSync(join(BUILD_DIR, file), 'utf8');
