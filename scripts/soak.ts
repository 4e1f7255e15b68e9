/**
 * `npm run test:soak`: the browser-kill test (test/e2e/safety-kill.e2e.test.ts) run longer than CI
 * runs it — by default 5 runs of 10 kills (50 kills; about 12 minutes when their sync was half as
 * large), each run with its own seed and a sync twice CI's size (scale 2) — to find the rare point where a SIGKILL loses committed data or
 * leaves a half-written step. The sync must outlast the kills, so the data set grows with them
 * (kills / 5, test/fixtures/browser-process.ts); one run of 50 kills at scale 5 took 19 minutes here.
 * A failing run prints its seed:
 * `KPI_LENS_KILL_SEED=<seed> KPI_LENS_KILLS=<n> npx vitest run --project e2e test/e2e/safety-kill`
 * replays it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { killScale } from '../test/fixtures/browser-process';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: process.env.KPI_LENS_SOAK_KILLS ?? '10' },
    runs: { type: 'string', default: process.env.KPI_LENS_SOAK_RUNS ?? '5' },
    scale: { type: 'string', default: process.env.KPI_LENS_KILL_SCALE },
    seed: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log('Usage: npm run test:soak -- [--kills N (10)] [--runs N (5)] [--scale S (kills / 5)] [--seed N (first run)] [--no-build]');
  process.exit(0);
}

const root = resolve(import.meta.dirname, '..');
const kills = positive('kills', values.kills);
const runs = positive('runs', values.runs);
// More kills need a sync that lasts as much longer: the test's own rule (CI's 5 kills: scale 1).
const scale = values.scale === undefined ? killScale(kills) : Number(values.scale);
if (!(scale > 0)) fail(`--scale must be a positive number, not ${values.scale}`);

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a positive integer, not ${text}`);
  return value;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!values['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('the test build failed');
}

const results: { seed: number; ok: boolean; seconds: number }[] = [];
for (let run = 0; run < runs; run += 1) {
  const seed = run === 0 && values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
  console.log(`\nsoak run ${run + 1}/${runs}: ${kills} kills, scale ${scale}, seed ${seed}`);
  const started = Date.now();
  const test = spawnSync(
    'npx',
    ['vitest', 'run', '--project', 'e2e', 'test/e2e/safety-kill.e2e.test.ts', '--testTimeout', String(Math.max(600_000, kills * 60_000))],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, KPI_LENS_KILLS: String(kills), KPI_LENS_KILL_SEED: String(seed), KPI_LENS_KILL_SCALE: String(scale) },
    },
  );
  results.push({ seed, ok: test.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

const failed = results.filter((result) => !result.ok);
console.log(JSON.stringify({ kills, scale, runs: results, failed: failed.map((result) => result.seed) }, null, 2));
if (failed.length) {
  console.error(
    `${failed.length} of ${runs} soak runs failed; replay one with KPI_LENS_KILL_SEED=${failed[0]!.seed} KPI_LENS_KILLS=${kills} KPI_LENS_KILL_SCALE=${scale}`,
  );
  process.exit(1);
}
