import { z } from '../model/zod-mini';
import { LOCALE_SETTINGS } from '../i18n/frame-labels';
import { MAX_WIDTH, MIN_WIDTH, SIDEBAR_PLACEMENTS } from '../settings/ui-state';

/**
 * Messages the background sends to the CRM content script, validated there with zod's small build
 * (the content script loads on every CRM page and stays within its size budget): the sidebar
 * frame's state changed, apply it; the rep's language changed, name the frame's controls in it. The relay's messages have their own check (relay.ts).
 */
export const contentCommandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sidebar/frame'),
    open: z.boolean(),
    width: z.number().check(z.int(), z.minimum(MIN_WIDTH), z.maximum(MAX_WIDTH)),
    placement: z.enum(SIDEBAR_PLACEMENTS),
  }),
  z.object({ type: z.literal('sidebar/locale'), locale: z.enum(LOCALE_SETTINGS) }),
]);
export type ContentCommand = z.infer<typeof contentCommandSchema>;

/** A message for the content script, or null: only this extension's background (no tab) is obeyed. */
export function readContentCommand(message: unknown, sender: { id?: string; tab?: unknown }, runtimeId: string): ContentCommand | null {
  if (sender.id !== runtimeId || sender.tab !== undefined) return null;
  const parsed = z.safeParse(contentCommandSchema, message);
  return parsed.success ? parsed.data : null;
}
