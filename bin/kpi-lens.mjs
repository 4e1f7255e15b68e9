#!/usr/bin/env node
// Launcher for the kpi-lens CLI: registers tsx's ESM loader so the TypeScript
// sources in lib/ run as they are, then hands the arguments to lib/cli/main.ts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The repository's tsconfig (never one found in the caller's directory); it extends the file
// `wxt prepare` generates, so without that file lib/ runs with tsx's defaults, which it needs no more than.
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register({ tsconfig: existsSync(fileURLToPath(new URL('../.wxt/tsconfig.json', import.meta.url))) ? tsconfig : false });

const { main, createNodeIO } = await import('../lib/cli/index.ts');

process.exitCode = await main(process.argv.slice(2), createNodeIO());
