import * as z from 'zod/mini';

// zod's small build, for the CRM content script (loaded on every CRM page, within its size
// budget). The same rule as lib/model/zod.ts: jitless before any schema is built, so no code is
// made from strings; every module that wants zod/mini imports it from here.
z.config({ jitless: true });

export { z };
