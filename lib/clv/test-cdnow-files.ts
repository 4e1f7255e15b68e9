import { DATASETS_DIR } from '../../test/datasets';
/**
 * Test-only access to the CDNOW sample in the shared data sets (Node file
 * system). KPI_LENS_DATASETS overrides the location of /work/shared/datasets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DATASETS = DATASETS_DIR;

export function cdnowPath(file: string): string {
  return join(DATASETS, 'cdnow', file);
}

export function readCdnow(file: string): string {
  return readFileSync(cdnowPath(file), 'utf8');
}

/** The rows of a small numeric CSV with a header, as objects of numbers. */
export function readNumericCsv(file: string): Record<string, number>[] {
  const [header = '', ...lines] = readCdnow(file).trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? String(i), Number(cell)])));
}

/** The published results on the sample (Fader, Hardie & Lee 2005; Fader & Hardie's gamma-gamma note). */
export const PUBLISHED = {
  bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
  /** Customer with x = 2, t_x = 30.43, T = 38.86 expects this many purchases in the next 39 weeks. */
  conditionalExpectation: { x: 2, tx: 30.43, T: 38.86, t: 39, expected: 1.226 },
} as const;
