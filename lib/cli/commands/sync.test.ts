import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PIPEDRIVE_V1, PIPEDRIVE_V2 } from '../../../test/contracts/pipedrive';
import { suiteTempDir } from '../../../test/harness/temp-dir';
import { startPrism, type PrismServer } from '../../../test/contracts/prism';
import { asLastPage, asksLaterPage } from '../../../test/contracts/pipedrive';
import { fakeClose, fakeHubspot, fakeSalesforce, startFakeServer, type FakeAnswer, type FakeRequest, type FakeServer } from '../../connections/test-fake-crms';
import { parseRecord, type RecordType } from '../../model';
import { DATA_KEYS } from '../load-data';
import { main } from '../main';
import { createNodeIO } from '../node-io';
import type { CliIO } from '../types';

/**
 * `kpi-lens sync` in-process with real HTTP on loopback: Pipedrive's published
 * OpenAPI specs served by Prism (v1 and v2 behind one /api root, as Pipedrive
 * serves them), and small fakes of Salesforce and HubSpot shaped like the
 * adapters' contract fixtures. Each sync ends with a file `kpi-lens kpis --data` reads.
 */
const dir = suiteTempDir('kpi-lens-sync-');
const SLOW = 150_000;

type Run = { code: number; stdout: string; stderr: string };
async function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, content) => writeFile(path, content, 'utf8'),
    now: () => Date.now(),
    env: { TZ: 'UTC', ...env },
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

type Output = Record<string, unknown[]> & {
  quarantine: { reason: string; raw: unknown }[];
  sync: { completed: boolean; source: string; signedInAs: unknown; objects: { object: string; phase: string }[] };
};
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Output;

/** Every record in the file is valid under the canonical schema, and counted per key. */
function counts(output: Output): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, type] of Object.entries(DATA_KEYS) as [string, RecordType][]) {
    const list = output[key] ?? [];
    for (const record of list) expect(parseRecord(type, record).ok, `${key} record`).toBe(true);
    if (list.length) out[key] = list.length;
  }
  return out;
}

async function kpisReads(file: string) {
  const run = await cli(['kpis', '--data', file, '--period', '2024', '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { kpis: Record<string, { status: string; value?: number }> };
}

describe('kpi-lens sync against Pipedrive’s specs (Prism on loopback)', () => {
  let prism: { v1: PrismServer; v2: PrismServer };
  let proxy: Server;
  let base: string;
  beforeAll(async () => {
    const [v1, v2] = await Promise.all([startPrism(PIPEDRIVE_V1, { timeoutMs: 120_000 }), startPrism(PIPEDRIVE_V2, { timeoutMs: 120_000 })]);
    prism = { v1, v2 };
    // `/api` ends each list after its first page (Prism's static examples say "more" with one fixed
    // cursor forever); `/static/api` passes Prism's answers on as they are.
    proxy = createServer((req, res) => {
      const match = /^(\/static)?\/api\/(v1|v2)(\/.*)$/.exec(req.url ?? '');
      if (!match) return void res.writeHead(404).end();
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'),
      );
      const endList = !match[1] && asksLaterPage(new URL(match[3]!, 'http://x'));
      void fetch(`${match[2] === 'v1' ? v1.url : v2.url}${match[3]}`, { method: req.method, headers }).then(async (answer) => {
        res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        res.end(endList && answer.status === 200 ? JSON.stringify(asLastPage(await answer.json())) : Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/api`;
  }, SLOW);
  afterAll(async () => {
    proxy?.close();
    await Promise.all([prism?.v1.stop(), prism?.v2.stop()]);
  });

  it(
    'syncs every object the spec serves, exit 0, into a file kpis --data reads',
    async () => {
      const out = join(dir, 'pipedrive.json');
      const run = await cli(['sync', '--crm', 'pipedrive', '--base-url', base, '--token', 'prism-token', '--out', out, '--account', 'acme']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/\[1\/10\] users: \d+ records read/);
      expect(run.stderr).toMatch(/Done: \d+ records, 0 quarantined, written to /);
      const output = read(out);
      expect(output.sync).toMatchObject({ completed: true, source: 'pipedrive:acme', signedInAs: { ownerId: '1', name: 'Me' } });
      expect(output.sync.objects.map((o) => o.phase)).toEqual(Array(10).fill('done'));
      expect(output.quarantine).toEqual([]);
      const found = counts(output);
      for (const key of ['owners', 'pipelines', 'stages', 'products', 'activities', 'leads']) expect(found[key], key).toBeGreaterThan(0);
      expect((output.owners as { source: string }[]).every((owner) => owner.source === 'pipedrive:acme')).toBe(true);
      await kpisReads(out);
    },
    SLOW,
  );

  it(
    'the static examples as they are (each list says "more" with the same cursor): exit 1, each such list stopped with the paging problem',
    async () => {
      const out = join(dir, 'pipedrive-static.json');
      const run = await cli([
        'sync',
        '--crm',
        'pipedrive',
        '--base-url',
        base.replace('/api', '/static/api'),
        '--token',
        'prism-token',
        '--out',
        out,
        '--account',
        'acme',
      ]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toContain('pipelines: Pipedrive sent a page position it had already sent while KPI Lens read pipelines: its paging does not end.');
      const output = read(out);
      expect(output.sync.completed).toBe(false);
      expect(output.sync.objects.filter((o) => o.phase === 'error').map((o) => o.object)).toEqual([
        'pipelines',
        'stages',
        'products',
        'organizations',
        'deals',
        'activities',
      ]);
      expect(counts(output).owners).toBeGreaterThan(0); // the objects whose lists end are read whole
    },
    SLOW,
  );

  it(
    'a blank token is bad usage; an API that does not answer as the CRM fails the check with exit 1',
    async () => {
      const run = await cli(['sync', '--crm', 'pipedrive', '--base-url', base, '--token', ' ', '--out', join(dir, 'x.json')]);
      expect(run.code).toBe(2); // a blank token is bad usage
      const refused = await cli(['sync', '--crm', 'salesforce', '--base-url', base.replace('/api', ''), '--token', 'x', '--out', join(dir, 'x.json')]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('did not accept the connection');
    },
    SLOW,
  );
});

/** The HubSpot fake's object lists ignore `archived`; here its archive (the deleted objects the adapter reads last) is empty. */
function withEmptyArchive(answer: (request: FakeRequest) => FakeAnswer): (request: FakeRequest) => FakeAnswer {
  return (request) => {
    const reply = answer(request);
    const archive = request.path.startsWith('/crm/v3/objects/') && request.query.get('archived') === 'true';
    return archive && (reply.status ?? 200) === 200 ? { body: { results: [] } } : reply;
  };
}

describe('kpi-lens sync against fakes of Salesforce and HubSpot', () => {
  let salesforce: FakeServer;
  let limited: FakeServer;
  let hubspot: FakeServer;
  let close: FakeServer;
  beforeAll(async () => {
    [salesforce, limited, hubspot, close] = await Promise.all([
      startFakeServer(fakeSalesforce({ token: '00Dxx!session' })),
      startFakeServer(fakeSalesforce({ token: '00Dxx!session', failFrom: 'Opportunity' })),
      startFakeServer(withEmptyArchive(fakeHubspot({ token: 'pat-na1-test' }))),
      startFakeServer(fakeClose({ apiKey: 'api_cli_key', now: Date.parse('2024-06-15T12:00:00Z') })),
    ]);
  });
  afterAll(async () => {
    await Promise.all([salesforce?.close(), limited?.close(), hubspot?.close(), close?.close()]);
  });

  it(
    'Close: the API key as the Basic user name; the same engine for the other CRMs',
    async () => {
      const out = join(dir, 'close.json');
      const run = await cli(['sync', '--crm', 'close', '--base-url', `${close.url}/api/v1`, '--token', 'api_cli_key', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const output = read(out);
      expect(output.sync).toMatchObject({ completed: true, source: 'close:app.close.com', signedInAs: { ownerId: 'user_dana', name: 'Dana Rep' } });
      // users 2; pipeline 1 with 3 statuses as stages; lead 1 as a customer; opportunities 2; one call
      expect(counts(output)).toEqual({ owners: 2, pipelines: 1, stages: 3, customers: 1, deals: 2, activities: 1 });
      const won = (output.deals as { externalId: string; status: string; amount?: { minor: number; currency: string } }[]).find(
        (deal) => deal.externalId === 'oppo_1',
      );
      expect(won).toMatchObject({ status: 'won', amount: { minor: 1250000, currency: 'USD' } }); // Close sends cents: 12,500.00 USD
      await kpisReads(out);
    },
    SLOW,
  );

  it(
    'Salesforce: the session id as a Bearer token, both pages of opportunities, every object',
    async () => {
      const out = join(dir, 'salesforce.json');
      const run = await cli(['sync', '--crm', 'salesforce', '--base-url', salesforce.url, '--token', '00Dxx!session', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      const output = read(out);
      expect(output.sync).toMatchObject({ completed: true, signedInAs: { ownerId: '0055e000001AbCdAAK', name: 'Alex Rep' } });
      // users 1, roles 1, stages 1 (+1 pipeline), products 1, accounts 1, opportunities 2 + 1 (second page), tasks 2, events 1, leads 2, quotas 1
      expect(counts(output)).toEqual({ owners: 1, teams: 1, pipelines: 1, stages: 1, products: 1, customers: 1, deals: 3, activities: 3, leads: 2, quotas: 1 });
      expect(salesforce.requests.some((r) => r.path.endsWith('/query/01gD0000002HU6KIAW-2000'))).toBe(true);
      expect(salesforce.requests.every((r) => r.headers.authorization === 'Bearer 00Dxx!session')).toBe(true);
      const report = await kpisReads(out);
      // Two closed opportunities: a win rate, below the minimum sample of 10 closed deals.
      expect(report.kpis.winRate).toMatchObject({ status: 'low-sample', sample: { unit: 'closedDeals' } });
    },
    SLOW,
  );

  it(
    'Salesforce --since: an incremental run asks for changes since that instant',
    async () => {
      const before = salesforce.requests.length;
      const run = await cli([
        'sync',
        '--crm',
        'salesforce',
        '--base-url',
        salesforce.url,
        '--token',
        '00Dxx!session',
        '--out',
        join(dir, 'since.json'),
        '--since',
        '2024-03-01',
      ]);
      expect(run.code, run.stderr).toBe(0);
      const soql = salesforce.requests.slice(before).map((r) => r.query.get('q') ?? '');
      expect(soql.find((q) => q.includes('FROM Opportunity'))).toContain('WHERE SystemModstamp >= 2024-03-01T00:00:00Z');
      expect(salesforce.requests.slice(before).some((r) => r.path.endsWith('/queryAll'))).toBe(true); // deletions since then
    },
    SLOW,
  );

  it(
    'Salesforce: an exhausted API allocation stops the run with exit 1, what was read is written',
    async () => {
      const out = join(dir, 'limited.json');
      const run = await cli(['sync', '--crm', 'salesforce', '--base-url', limited.url, '--token', '00Dxx!session', '--out', out]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("The Salesforce org's API request limit is used up");
      expect(run.stderr).toContain('run the sync again after');
      const output = read(out);
      expect(output.sync.completed).toBe(false);
      expect(counts(output)).toMatchObject({ owners: 1, customers: 1 }); // the objects before opportunities
    },
    SLOW,
  );

  it('Salesforce: a refused session fails the check: exit 1, nothing synced', async () => {
    const run = await cli(['sync', '--crm', 'salesforce', '--base-url', salesforce.url, '--token', 'expired', '--out', join(dir, 'refused.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Salesforce refused the session (INVALID_SESSION_ID');
    expect(run.stderr).toContain('What to do: Reload your Salesforce tab');
  });

  it(
    'HubSpot: the portal from the account names the source; deals with line items, activities, contacts, goals',
    async () => {
      const out = join(dir, 'hubspot.json');
      const run = await cli(['sync', '--crm', 'hubspot', '--base-url', hubspot.url, '--out', out], { KPI_LENS_TOKEN: 'pat-na1-test' });
      expect(run.code, run.stderr).toBe(0);
      const output = read(out);
      expect(output.sync).toMatchObject({ completed: true, source: 'hubspot:1234567' });
      const found = counts(output);
      expect(found).toMatchObject({ owners: 1, pipelines: 1, customers: 1, deals: 3, activities: 3, leads: 1, quotas: 1 });
      const won = (output.deals as { externalId: string; lineItems: unknown[] }[]).find((deal) => deal.externalId === '9001');
      expect(won?.lineItems).toHaveLength(2);
      // after each CRM object's changes, its archive (deleted objects): empty here, so nothing removed or quarantined
      const archives = hubspot.requests
        .filter((r) => r.query.get('archived') === 'true' && r.path.startsWith('/crm/v3/objects/'))
        .map((r) => r.path.split('/')[4]);
      expect(archives).toEqual(['companies', 'deals', 'calls', 'emails', 'meetings', 'contacts', 'goal_targets']);
      expect(output.quarantine).toEqual([]);
      await kpisReads(out);
    },
    SLOW,
  );

  it.each([
    [['sync'], 'give --crm'],
    [['sync', '--crm', 'zoho', '--base-url', 'https://x', '--token', 't', '--out', 'o'], 'give --crm with one of'],
    [['sync', '--crm', 'hubspot', '--base-url', 'not a url', '--token', 't', '--out', 'o'], 'bad --base-url'],
    [['sync', '--crm', 'hubspot', '--base-url', 'https://api.hubapi.com', '--out', 'o'], 'set KPI_LENS_TOKEN'],
    [['sync', '--crm', 'pipedrive', '--base-url', 'http://acme.pipedrive.com/api', '--out', 'o'], '--base-url http://acme.pipedrive.com is plain http'],
    [['sync', '--crm', 'close', '--base-url', 'http://10.0.0.5/api/v1', '--out', 'o'], 'use https (http only to 127.0.0.1 or localhost)'],
    [['sync', '--crm', 'kommo', '--base-url', 'http://localhost.evil.example/api/v4', '--out', 'o'], 'is plain http'],
    [['sync', '--crm', 'bitrix24', '--base-url', 'http://acme.bitrix24.ru/rest/1/secretcode/', '--out', 'o'], 'is plain http'],
    [['sync', '--crm', 'hubspot', '--base-url', 'https://api.hubapi.com', '--token', 't'], 'give --out'],
    [['sync', '--crm', 'hubspot', '--base-url', 'https://api.hubapi.com', '--token', 't', '--out', 'o', '--since', 'last week'], 'bad --since'],
  ])('bad usage %j exits 2', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('kpi-lens sync and the credential it carries', () => {
  let elsewhere: FakeServer;
  let redirecting: FakeServer;
  let close: FakeServer;
  beforeAll(async () => {
    elsewhere = await startFakeServer(() => ({ body: { success: true, data: { id: 1, name: 'Thief', company_domain: 'evil' } } }));
    const target = elsewhere.url.replace('127.0.0.1', 'localhost');
    redirecting = await startFakeServer((request) => ({ status: 302, headers: { location: `${target}${request.path}` }, body: '' }));
    close = await startFakeServer(fakeClose({ apiKey: 'api_cli_key', now: Date.parse('2024-06-15T12:00:00Z') }));
  });
  afterAll(async () => {
    await Promise.all([elsewhere?.close(), redirecting?.close(), close?.close()]);
  });

  it('a CRM that redirects to another host: exit 1 with the reason, and the token never reaches that host', async () => {
    const run = await cli(['sync', '--crm', 'pipedrive', '--base-url', `${redirecting.url}/api`, '--out', join(dir, 'redirected.json'), '--account', 'acme'], {
      KPI_LENS_TOKEN: 'pd-secret-token',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Pipedrive redirected the request to localhost:${new URL(elsewhere.url).port} (HTTP 302); KPI Lens does not send your credentials to another address`,
    );
    expect(redirecting.requests.map((request) => request.headers['x-api-token'])).toEqual(['pd-secret-token']);
    expect(elsewhere.requests).toEqual([]);
  });

  it('reads the token from KPI_LENS_TOKEN quietly; --token works but warns that ps shows it', async () => {
    const quiet = await cli(['sync', '--crm', 'close', '--base-url', `${close.url}/api/v1`, '--out', join(dir, 'env.json')], { KPI_LENS_TOKEN: 'api_cli_key' });
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).not.toContain('--token');
    const loud = await cli(['sync', '--crm', 'close', '--base-url', `${close.url}/api/v1`, '--token', 'api_cli_key', '--out', join(dir, 'flag.json')]);
    expect(loud.code, loud.stderr).toBe(0);
    expect(loud.stderr).toContain('Note: --token is visible to other users of this machine in the process list; set KPI_LENS_TOKEN instead.');
    const help = await cli(['sync', '--help']);
    expect(help.stdout.split('\n')[0]).toBe('Usage: KPI_LENS_TOKEN=TOKEN kpi-lens sync --crm CRM --base-url URL --out FILE.json [options]');
    expect(help.stdout).toContain('avoid it, other users of this machine can read command lines (ps)');
  });

  it('writes its output readable by the owner only (600), through the real file system I/O', async () => {
    const out = join(dir, 'private.json');
    writeFileSync(out, '{}', { mode: 0o644 });
    let stderr = '';
    const io = {
      ...createNodeIO(),
      stdout: () => undefined,
      stderr: (text: string) => void (stderr += text),
      env: { TZ: 'UTC', KPI_LENS_TOKEN: 'api_cli_key' },
    };
    const code = await main(['sync', '--crm', 'close', '--base-url', `${close.url}/api/v1`, '--out', out], io);
    expect(code, stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(read(out).sync.completed).toBe(true);
  });

  it.each(['http://127.0.0.1:9/api', 'http://localhost:9/api', 'http://127.8.9.10:9/api', 'http://[::1]:9/api'])(
    'plain http to this machine (%s) is allowed: it fails only on the connection',
    async (base) => {
      const run = await cli(['sync', '--crm', 'pipedrive', '--base-url', base, '--out', join(dir, 'loop.json')], { KPI_LENS_TOKEN: 't' });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('Pipedrive could not be reached');
    },
  );
});
