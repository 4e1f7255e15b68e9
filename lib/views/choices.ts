import type { LeaderboardMetric } from '../kpi/types';

/*
 * The choices a page offers, kept free of imports with code so the sidebar's bundle and the
 * message schemas can use them without loading the period library or the KPI engine.
 */

/** The figures a team lead can rank reps by in the sidebar. */
export const LEADERBOARD_METRICS_LIST = [
  'wonAmount',
  'quotaAttainment',
  'activities',
  'winRate',
  'dealsCreated',
] as const satisfies readonly LeaderboardMetric[];
export type SidebarLeaderboardMetric = (typeof LEADERBOARD_METRICS_LIST)[number];

/**
 * What a period is compared with: the period just before (the default), the same period one year
 * earlier (seasonal businesses compare June with last June, not with May), or nothing.
 */
export const COMPARE_CHOICES = ['previous', 'last-year', 'none'] as const;
export type CompareChoice = (typeof COMPARE_CHOICES)[number];
