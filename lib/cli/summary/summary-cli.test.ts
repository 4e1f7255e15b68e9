import { DAY_MS } from '../../period/units';
import { DATASETS_DIR } from '../../../test/datasets';
/** `kpi-lens summary`: in-process with a fake file system for flags, formats and exit codes; once through the real binary. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import type { CliIO } from '../types';
import { generateDemoData } from '../../demo';

const ASOF = Date.UTC(2025, 5, 11, 10);
const demo = generateDemoData({ asOf: ASOF, seed: 7, timeZone: 'Europe/Berlin', scale: 0.25 }); // a quarter of the volume: these tests are about flags
const { currentOwnerId, teamLeadOwnerId, seed: _seed, asOf: _asOf, ...records } = demo;
const FILES: Record<string, string> = { 'demo.json': JSON.stringify(records) };
const rep = demo.owners.find((o) => o.externalId === currentOwnerId)!;
const team = demo.teams.find((t) => t.leadId === teamLeadOwnerId)!;
// Week 2025-W23 in Berlin: Mon 2 Jun 00:00 CEST (1 Jun 22:00Z) to Mon 9 Jun 00:00 CEST.
const START = Date.UTC(2025, 5, 1, 22);
const END = START + 7 * DAY_MS;

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const io: CliIO = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    readFile: async (path) => {
      const text = FILES[path];
      if (text === undefined) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
      return text;
    },
    writeFile: async (path, content) => void (written[path] = content),
    now: () => ASOF,
    env: { TZ: 'Europe/Berlin' },
  };
  return { io, out: () => out.join(''), err: () => err.join(''), written };
}

async function run(...args: string[]) {
  const fake = fakeIo();
  const code = await main(['summary', ...args], fake.io);
  return { code, stdout: fake.out(), stderr: fake.err(), written: fake.written };
}

const BASE = ['--data', 'demo.json', '--as-of', '2025-06-11'];

describe('kpi-lens summary', () => {
  it("prints one rep's last full week as JSON that matches the records", async () => {
    const result = await run(...BASE, '--owner', rep.name, '--format', 'json');
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.week).toMatchObject({ label: '2025-W23', start: START, end: END }); // the week before Wed 11 Jun
    expect(summary.sections.map((s: { name: string }) => s.name)).toEqual([rep.name]);
    const created = demo.deals.filter((d) => d.ownerId === rep.externalId && d.createdAt !== undefined && d.createdAt >= START && d.createdAt < END);
    const calls = demo.activities.filter((a) => a.ownerId === rep.externalId && a.type === 'call' && a.done && a.occurredAt >= START && a.occurredAt < END);
    expect(summary.sections[0].deals.created.value).toBe(created.length);
    expect(summary.sections[0].activities[0]).toMatchObject({ kind: 'call', value: calls.length });
    expect(result.stderr).toMatch(/^Read [\d,]+ deals, [\d,]+ activities; week 2025-W23 \(2025-06-02\.\.2025-06-08\); as of: flag\./);
  });

  it('prints Markdown by default, in Russian on request, and CSV', async () => {
    const md = await run(...BASE, '--owner', rep.name, '--week', '2025-W22');
    expect(md.code).toBe(0);
    expect(md.stdout.startsWith(`**Weekly summary · ${rep.name} · Week of May 26, 2025 – Jun 1, 2025`)).toBe(true); // ISO week 22 of 2025
    const ru = await run(...BASE, '--owner', rep.name, '--lang', 'ru');
    expect(ru.stdout.startsWith(`**Недельная сводка · ${rep.name} · Неделя 2 июн. 2025 г.`)).toBe(true); // week 23 of 2025
    const csv = await run(...BASE, '--owner', rep.name, '--format', 'csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('section,block,metric,label,value,previous_week,change_pct,target,status,unit,details,url');
  });

  it('writes to --out instead of standard output', async () => {
    const result = await run(...BASE, '--team', team.name, '--format', 'json', '--out', 'week.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const summary = JSON.parse(result.written['week.json']!);
    const members = demo.owners.filter((o) => o.teamId === team.externalId);
    expect(summary.sections).toHaveLength(members.length + 1); // the team total, then every rep: the CLI user holds the whole file
    expect(summary.sections[0]).toMatchObject({ kind: 'team', name: team.name });
  });

  it.each([
    [['--as-of', '2025-06-11'], /give one of --csv FILE or --data FILE\.json/],
    [['--data', 'demo.json', '--csv', 'x.csv'], /give one of/],
    [[...BASE, '--owner', rep.name, '--team', team.name], /give --owner or --team, not both/],
    [[...BASE, '--format', 'pdf'], /bad --format "pdf": use md, csv or json/],
    [[...BASE, '--lang', 'de'], /bad --lang "de"/],
    [[...BASE, '--week', '2025-06'], /bad --week "2025-06": expected a week such as 2017-W23/],
    [[...BASE, '--week', '2025-W30'], /bad --week: the week 2025-W30 has not started yet/],
    [[...BASE, '--owner', 'Nobody Here'], /no owner named "Nobody Here"; owners are: /],
    [[...BASE, '--team', 'Nowhere'], /no team named "Nowhere"; teams are: Expansion, New Business/],
    [['--data', 'missing.json'], /cannot read missing\.json: no such file/],
    [[...BASE, '--bogus'], /unknown flag --bogus/],
  ])('exits 2 with one line for bad usage: %j', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers --help at once', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: kpi-lens summary \(--csv FILE \| --data FILE\.json\)/);
  });
});

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DATASETS = DATASETS_DIR;
const MAVEN = join(DATASETS, 'maven-crm/sales_pipeline.csv');

describe('kpi-lens summary, the real binary on the Maven export', () => {
  it('prints the week of an agent with the won deals of the raw rows', async () => {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const args = [
        join(ROOT, 'bin/kpi-lens.mjs'),
        'summary',
        '--csv',
        MAVEN,
        '--week',
        '2017-W23',
        '--owner',
        'Darcel Schlecht',
        '--format',
        'json',
        '--tz',
        'UTC',
        '--currency',
        'USD',
      ];
      execFile(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 32 << 20 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      });
    });
    expect(result.code).toBe(0);
    const rows = readFileSync(MAVEN, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    // Columns: id, agent, product, account, stage, engage date, close date, value. W23 = 5–11 June 2017.
    const won = rows.filter((r) => r[1] === 'Darcel Schlecht' && r[4] === 'Won' && r[6]! >= '2017-06-05' && r[6]! <= '2017-06-11');
    const dollars = won.reduce((total, r) => total + Number(r[7]), 0);
    const summary = JSON.parse(result.stdout);
    expect(summary.sections[0].deals.won).toMatchObject({ value: won.length, amount: dollars * 100 });
    expect(result.stderr).toMatch(
      /^read 8,800 rows: 8,800 imported; deals \(generic columns\); .*currency: USD ×6,711 \(--currency\)\nSummary; week 2017-W23 \(2017-06-05\.\.2017-06-11\); as of: latest close date\./,
    );
  }, 120_000);
});
