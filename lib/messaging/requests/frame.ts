import type { LocaleSetting } from '../../i18n/frame-labels';
import { MAX_WIDTH, MIN_WIDTH, type FrameState } from '../../settings/ui-state';
import { z } from '../../model/zod';

/**
 * The CRM content script → background, about the sidebar's frame on its page. The content script
 * reads no extension storage itself (storage.local is closed to content scripts): the background
 * answers with the frame's state for the CRM of the sender's page (the browser's record of the
 * sender, never the message), keeps the tab to tell it of later changes (the sidebar's own
 * collapse button, the keyboard shortcut, another tab of the same CRM), and makes the rep's
 * toggles and resizes.
 */
export const FRAME_REQUESTS = [
  z.object({ type: z.literal('frame/state') }),
  z.object({ type: z.literal('frame/toggle') }),
  z.object({ type: z.literal('frame/resize'), width: z.number().int().min(MIN_WIDTH).max(MAX_WIDTH) }),
] as const;

export type FrameResponses = {
  /** With the rep's language setting: the frame's handle and grip are named in it. */
  'frame/state': { state: FrameState; locale: LocaleSetting };
  'frame/toggle': { state: FrameState };
  'frame/resize': { state: FrameState };
};
