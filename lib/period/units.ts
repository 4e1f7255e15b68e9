/**
 * A day of 24 hours in milliseconds: durations (idle time, time in a stage, "14 days ago"), and day
 * numbers on the UTC grid. Not a calendar day in a zone with daylight saving: for those, step through
 * local dates (localDateToInstant).
 */
export const DAY_MS = 86_400_000;
