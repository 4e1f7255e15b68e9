/** The activity kinds and windows of the sidebar's activity card (kept apart so the UI does not pull in the KPI engine). */
export const ACTIVITY_KINDS = ['call', 'email', 'meeting'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_WINDOWS = ['day', 'week', 'month'] as const;
export type ActivityWindow = (typeof ACTIVITY_WINDOWS)[number];
