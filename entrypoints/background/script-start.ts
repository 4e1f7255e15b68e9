import { markOnce, WORKER_MARKS } from '@/lib/perf';

// Imported first by index.ts, so this runs before any other module of the bundle is evaluated: the
// bench splits a cold worker's start into loading and compiling the script (up to here) and
// evaluating it (from here to `worker-ready`).
markOnce(WORKER_MARKS.scriptStart);
