#!/usr/bin/env node
// Launcher for the kpi-lens CLI: registers tsx's ESM loader so the TypeScript
// sources in lib/ run as they are, then hands the arguments to lib/cli/main.ts.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });

const { main } = await import('../lib/cli/main.ts');
const { createNodeIO } = await import('../lib/cli/node-io.ts');

process.exitCode = await main(process.argv.slice(2), createNodeIO());
