import { COMMANDS } from './commands';
import { UsageError, type CliCommand, type CliIO } from './types';

const HELP_FLAGS = new Set(['--help', '-h', 'help']);

export function helpText(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: kpi-lens <command> [options]

Sales KPIs from your CRM's data, computed locally.

Commands:
${list}

Run kpi-lens <command> --help for a command's options.
`;
}

/**
 * Runs one CLI invocation and returns the exit code: 0 done, 1 failed, 2 bad
 * usage or unreadable input. Every error is one line on stderr; the process
 * itself is only touched by bin/kpi-lens.mjs.
 */
export async function main(argv: readonly string[], io: CliIO, commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return fail(io, 'kpi-lens', 'no command given (try kpi-lens --help)', 2);
  if (HELP_FLAGS.has(name)) {
    const topic = rest[0] === undefined ? undefined : commands.find((command) => command.name === rest[0]);
    io.stdout(topic ? topic.usage : helpText(commands));
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const known = commands.map((candidate) => candidate.name).join(', ');
    return fail(io, 'kpi-lens', `unknown command ${JSON.stringify(name)} (commands: ${known}; try kpi-lens --help)`, 2);
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, `kpi-lens ${command.name}`, error.message, 2);
    return fail(io, `kpi-lens ${command.name}`, error instanceof Error ? error.message : String(error), 1);
  }
}

function fail(io: CliIO, who: string, message: string, code: number): number {
  io.stderr(`${who}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  return code;
}
