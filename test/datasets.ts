import { join, resolve } from 'node:path';

/**
 * The public data sets the numbers are checked against (../shared/datasets from
 * the repository root, as CI lays it out); KPI_LENS_DATASETS moves them.
 */
export const DATASETS_DIR = process.env.KPI_LENS_DATASETS ?? resolve(import.meta.dirname, '../../shared/datasets');

export function datasetPath(...parts: string[]): string {
  return join(DATASETS_DIR, ...parts);
}
