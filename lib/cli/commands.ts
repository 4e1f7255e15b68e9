import { clvCommand } from './commands/clv';
import { forecastCommand } from './commands/forecast';
import { importCommand } from './commands/import';
import { kpisCommand } from './commands/kpis';
import { syncCommand } from './commands/sync';
import { summaryCommand } from './commands/summary';
import type { CliCommand } from './types';

/** Every `kpi-lens` command, one file each under commands/. */
export const COMMANDS: readonly CliCommand[] = [kpisCommand, importCommand, clvCommand, summaryCommand, syncCommand, forecastCommand];
