import { parseFlags } from '../args';
import { UsageError, type CliCommand, type CliIO } from '../types';
import { resolveTimeZone } from './shared';

const CRMS = ['pipedrive', 'salesforce', 'hubspot', 'close', 'kommo', 'bitrix24'] as const;
type Crm = (typeof CRMS)[number];

const USAGE = `Usage: KPI_LENS_TOKEN=TOKEN kpi-lens sync --crm CRM --base-url URL --out FILE.json [options]

Reads a CRM through its API with the same adapter and sync engine as the
extension, and writes the canonical records in the shape \`kpi-lens kpis --data\`
reads ({ "deals": [...], "owners": [...], ... }), plus "quarantine" (records
that could not be read, with the raw payload and the reason) and "sync" (what
was read, per object). Progress goes to stderr. The file is written readable
by you only (mode 600): it holds your CRM's data.

The credential comes from the KPI_LENS_TOKEN environment variable: Pipedrive API
token, Salesforce session id or OAuth access token, HubSpot private app token,
Close API key, amoCRM/Kommo long-lived token (not used for bitrix24, whose
webhook URL is the credential). Set it without it landing in your shell
history, e.g. \`read -rs KPI_LENS_TOKEN && export KPI_LENS_TOKEN\`.

Options:
  --crm CRM            pipedrive | salesforce | hubspot | close | kommo | bitrix24
  --base-url URL       the API root (https; plain http only to this machine, 127.0.0.1 or localhost):
                         pipedrive   https://<company>.pipedrive.com/api
                         salesforce  https://<org>.my.salesforce.com
                         hubspot     https://api.hubapi.com
                         close       https://api.close.com/api/v1
                         kommo       https://<account>.kommo.com/api/v4 (or .amocrm.ru)
                         bitrix24    the inbound webhook URL, https://<portal>/rest/<user>/<code>/
  --out FILE.json      where to write
  --since DATE         only records changed since YYYY-MM-DD (midnight in --tz) or an
                       ISO 8601 instant, where the CRM can filter so
  --account NAME       the account key in each record's source (default: from the URL)
  --tz ZONE            time zone of date-only values (default: $TZ, else UTC)
  --token TOKEN        the credential on the command line instead of KPI_LENS_TOKEN:
                       avoid it, other users of this machine can read command lines (ps)
  -h, --help           this text

Exit codes: 0 the sync completed, 1 it stopped (the reason and what to do are
printed; what was read so far is written), 2 bad usage.
`;

/** Longest rate-limit wait the CLI sits through before it stops and says when to run again. */
const MAX_WAIT_MS = 5 * 60_000;

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: "read a CRM's API with the extension's sync and write canonical records (JSON)",
  usage: USAGE,
  async run(args, io) {
    const flags = parseFlags(args, {
      crm: { type: 'string' },
      'base-url': { type: 'string' },
      token: { type: 'string' },
      out: { type: 'string' },
      since: { type: 'string' },
      account: { type: 'string' },
      tz: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    });
    if (flags.help) {
      io.stdout(USAGE);
      return 0;
    }
    const crm = flags.crm;
    if (crm === undefined || !(CRMS as readonly string[]).includes(crm)) throw new UsageError(`give --crm with one of ${CRMS.join(', ')}`);
    const baseUrl = checkUrl(flags['base-url']);
    const token = flags.token ?? io.env.KPI_LENS_TOKEN;
    if (crm !== 'bitrix24' && !token?.trim()) throw new UsageError('set KPI_LENS_TOKEN to the API token (see kpi-lens sync --help)');
    if (flags.token !== undefined) io.stderr('Note: --token is visible to other users of this machine in the process list; set KPI_LENS_TOKEN instead.\n');
    if (flags.out === undefined) throw new UsageError('give --out FILE.json');
    if (flags.account !== undefined && !/^[A-Za-z0-9._:-]{1,180}$/.test(flags.account))
      throw new UsageError('--account takes letters, digits, dots, dashes and colons');
    const timeZone = resolveTimeZone(flags.tz, io);
    const since = flags.since === undefined ? undefined : await parseSince(flags.since, timeZone);
    return runSyncCommand({ crm: crm as Crm, baseUrl, token: token?.trim(), out: flags.out, since, account: flags.account, timeZone }, io);
  },
};

function checkUrl(text: string | undefined): string {
  if (text === undefined) throw new UsageError('give --base-url URL');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`bad --base-url ${JSON.stringify(text)}: expected a URL such as https://acme.pipedrive.com/api`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError('--base-url must be an http(s) URL');
  // Every sync sends a credential (a token, or the webhook URL itself): never in clear text over a network.
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new UsageError(
      `--base-url ${url.origin} is plain http: the credential would cross the network unencrypted; use https (http only to 127.0.0.1 or localhost)`,
    );
  }
  return text;
}

/** This machine: `localhost`, 127.0.0.0/8 or [::1]. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

async function parseSince(text: string, timeZone: string): Promise<number> {
  const { localDateToInstant } = await import('../../period/local-date');
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(text) ? localDateToInstant(text, timeZone) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : Number.NaN;
  if (ms === undefined || Number.isNaN(ms)) throw new UsageError(`bad --since ${JSON.stringify(text)}: expected YYYY-MM-DD or an ISO 8601 instant`);
  return ms;
}

type SyncCommandOptions = { crm: Crm; baseUrl: string; token?: string; out: string; since?: number; account?: string; timeZone: string };

async function runSyncCommand(options: SyncCommandOptions, io: CliIO): Promise<number> {
  // The engine and the adapters load only when a sync runs, so `--help` answers at once.
  const [{ headlessSync, quarantineForOutput }, { RECORD_TABLES }, { RECORD_TYPES }] = await Promise.all([
    import('../../connections/headless-sync'),
    import('../../db/schema'),
    import('../../model'),
  ]);
  const started = io.now();
  io.stderr(
    `Syncing ${options.crm} from ${redact(options.baseUrl)}${options.since === undefined ? '' : ` (changes since ${new Date(options.since).toISOString()})`}…\n`,
  );
  const outcome = await headlessSync({
    ...options,
    fetch: (input, init) => fetch(input, init),
    now: io.now,
    random: Math.random,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    maxWaitMs: MAX_WAIT_MS,
    onProgress: (p) => {
      const total = p.totalEstimate ? ` of about ${p.totalEstimate}` : '';
      const waiting = p.waitingUntil ? `, waiting ${Math.ceil((p.waitingUntil - io.now()) / 1000)} s: ${p.reason ?? ''}` : '';
      io.stderr(
        `  [${p.objectIndex + 1}/${p.objectCount}] ${p.object}: ${p.records} records read${total}${p.rejected ? `, ${p.rejected} quarantined` : ''}${waiting}\n`,
      );
    },
  });
  if (outcome.stage === 'check') {
    io.stderr(`kpi-lens sync: ${options.crm} did not accept the connection: ${outcome.problem.message}\n  What to do: ${outcome.problem.userAction}\n`);
    return 1;
  }
  const batch = outcome.store.snapshot();
  const output: Record<string, unknown> = {};
  let records = 0;
  for (const type of RECORD_TYPES) {
    const list = batch[type] ?? [];
    records += list.length;
    output[RECORD_TABLES[type]] = list;
  }
  output.quarantine = quarantineForOutput(outcome.store.quarantine);
  output.sync = {
    crm: options.crm,
    source: outcome.source,
    completed: outcome.ok,
    since: options.since === undefined ? null : new Date(options.since).toISOString(),
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(io.now()).toISOString(),
    signedInAs: outcome.user ?? null,
    objects: outcome.states.map((state) => ({
      object: state.object,
      phase: state.phase,
      records: state.recordsThisRun,
      quarantined: state.rejectsThisRun,
      budget: state.budget ?? null,
      problem: state.error && state.phase !== 'done' ? state.error : null,
    })),
  };
  await io.writeFile(options.out, `${JSON.stringify(output, null, 2)}\n`);
  const summary = `${records} records, ${outcome.store.quarantine.length} quarantined, written to ${options.out}`;
  if (outcome.ok) {
    io.stderr(`Done: ${summary}.\n`);
    return 0;
  }
  io.stderr(`kpi-lens sync: the sync stopped before the end (${summary}).\n`);
  const result = outcome.result;
  if (result.status === 'stopped') io.stderr(`  Reason: ${result.problem.message}\n  What to do: ${result.problem.userAction}\n`);
  if (result.status === 'waiting') io.stderr(`  Reason: ${result.reason}\n  What to do: run the sync again after ${new Date(result.until).toISOString()}.\n`);
  for (const state of outcome.states.filter((candidate) => candidate.phase !== 'done' && candidate.error)) {
    io.stderr(`  ${state.object}: ${state.error!.message}. ${state.error!.userAction}\n`);
  }
  return 1;
}

/** A Bitrix24 webhook URL is a credential: only its host is printed. */
function redact(url: string): string {
  const parsed = new URL(url);
  return /\/rest\/\d+\/[^/]+/.test(parsed.pathname) ? `${parsed.origin}/rest/…` : `${parsed.origin}${parsed.pathname}`;
}
