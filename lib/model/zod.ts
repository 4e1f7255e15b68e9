import { z } from 'zod';

// MV3's content security policy forbids eval/new Function, which zod's JIT
// uses to speed up object parsing. This must run before any schema is built,
// so every schema file imports `z` from here instead of from 'zod'.
z.config({ jitless: true });

export { z };
