/**
 * The kinds of activity, in the order KPI results list them. Apart from the schemas (no zod here), so the
 * KPI catalogue, whose definitions the pages bundle, can read them without pulling the schemas in.
 */
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'sms', 'task', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
