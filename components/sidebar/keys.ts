/*
 * The storage.session keys the background bumps when a source changes (lib/messaging/protocol.ts
 * defines them; keys.test.ts checks these stay equal). Repeated here so the sidebar's first paint
 * does not load the protocol's message schemas, and with them zod.
 */
export const dataVersionKey = (source: string) => `data-version:${source}`;
export const statusVersionKey = (source: string) => `status-version:${source}`;
