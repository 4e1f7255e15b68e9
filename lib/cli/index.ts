/**
 * The public face of lib/cli, the `kpi-lens` command (bin/kpi-lens.mjs runs it in Node). The top of
 * lib/: it uses the other modules and none uses it (test/unit/lib-graph.test.ts).
 */
export { COMMANDS } from './commands';
export { helpText, main } from './main';
export { createNodeIO, OUTPUT_FILE_MODE, writePrivateFile } from './node-io';
export { UsageError, type CliCommand, type CliIO } from './types';
