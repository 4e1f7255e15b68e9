/**
 * How Chromium's IndexedDB reads the same bytes stored as values of different sizes: what the column
 * store's chunk size costs a cold read. Values above 64 KB are wrapped in blobs by Chromium
 * (IDBValueWrapper's kWrapThreshold); this shows whether that costs a read (it does not: a few large
 * values read faster than many small ones).
 *
 *   npx tsx scripts/bench/idb-values.ts [--mb 4] [--rounds 7]
 *
 * Each round opens a fresh page (a new renderer, as a restarted worker is) and reads every store with
 * one getAll, the stores in alternating order. Prints JSON: the median read per value size, in ms.
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, findChromium, MISSING_CHROMIUM_MESSAGE } from '../../test/harness/chromium';
import { median, round } from './stats';

/** The value sizes compared, in bytes: under and over the 64 KB wrapping line. */
export const VALUE_SIZES = [16, 32, 60, 128, 256].map((kb) => kb * 1024);

/** Writes `totalBytes` of timestamps into one store per value size (as Float64Array columns, like the column store's). */
const WRITE = `async ({ totalBytes, sizes }) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('idb-values', 1);
    open.onupgradeneeded = () => { for (const size of sizes) open.result.createObjectStore('s' + size); };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  for (const size of sizes) {
    await new Promise((resolve, reject) => {
      const tx = db.transaction('s' + size, 'readwrite');
      let at = 1.7e12;
      for (let value = 0; value < Math.round(totalBytes / size); value += 1) {
        const times = new Float64Array(size / 8);
        for (let row = 0; row < times.length; row += 1) times[row] = at += Math.floor(Math.random() * 600000);
        tx.objectStore('s' + size).put({ rows: times.length, times }, value);
      }
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  }
  db.close();
}`;

/** Reads each store whole, in the given order; the time of each read and the rows it brought. */
const READ = `async (order) => {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('idb-values', 1);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const times = {};
  for (const size of order) {
    const start = performance.now();
    const values = await new Promise((resolve, reject) => {
      const read = db.transaction('s' + size).objectStore('s' + size).getAll();
      read.onsuccess = () => resolve(read.result);
      read.onerror = () => reject(read.error);
    });
    let rows = 0;
    for (const value of values) rows += value.times.length;
    times[size] = { ms: performance.now() - start, rows };
  }
  db.close();
  return times;
}`;

export async function benchIdbValues(totalMb: number, rounds: number) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_MESSAGE);
  const server = createServer((_request, response) => response.setHeader('content-type', 'text/html').end('<!doctype html><title>idb values</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const profile = mkdtempSync(join(tmpdir(), 'kpi-lens-idb-values-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: false, args: ['--headless=new', ...CHROMIUM_FLAGS] });
  try {
    const setup = await context.newPage();
    await setup.goto(url);
    const totalBytes = Math.round(totalMb * 1024 * 1024);
    await setup.evaluate(`(${WRITE})(${JSON.stringify({ totalBytes, sizes: VALUE_SIZES })})`);
    await setup.close();
    const reads = new Map<number, number[]>(VALUE_SIZES.map((size) => [size, []]));
    for (let round = 0; round < rounds; round += 1) {
      const page = await context.newPage();
      await page.goto(url);
      const order = round % 2 ? [...VALUE_SIZES].reverse() : VALUE_SIZES;
      const times = (await page.evaluate(`(${READ})(${JSON.stringify(order)})`)) as Record<number, { ms: number; rows: number }>;
      for (const size of VALUE_SIZES) {
        const read = times[size]!;
        // Every store holds the same rows (give or take one value's rounding): a read that brought fewer is wrong.
        if (read.rows < (totalBytes / 8) * 0.9) throw new Error(`the ${size / 1024} KB store read only ${read.rows} rows`);
        reads.get(size)!.push(read.ms);
      }
      await page.close();
    }
    return {
      totalMb,
      rounds,
      medianReadMsByValueKb: Object.fromEntries(VALUE_SIZES.map((size) => [size / 1024, round(median(reads.get(size)!))])),
      valuesReadBySizeKb: Object.fromEntries(VALUE_SIZES.map((size) => [size / 1024, Math.round(totalBytes / size)])),
    };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('idb-values.ts')) {
  const option = (name: string, fallback: number) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  console.log(JSON.stringify(await benchIdbValues(option('--mb', 4), option('--rounds', 7)), null, 2));
}
