export type { CalendarOptions, Period, PeriodKind, Weekday } from './types';
export { DAY_MS } from './units';
export { instantToLocalDate, localDateToInstant } from './local-date';
export { CALENDAR_UNITS, assertCalendar, customPeriod, periodContaining, previousPeriod, weekLabel, type CalendarUnit } from './periods';
export { parsePeriodSpec } from './parse';
export { correspondingInstant, likeForLike, spanAt, type LikeForLike, type Span } from './like-for-like';
export { MAX_BUCKETS, bucketIndexer, splitPeriod, type BucketIndexer, type BucketUnit } from './buckets';
export {
  dateRangeOverlap,
  elapsedFraction,
  isRealDate,
  localDateBounds,
  monthsIn,
  nextDate,
  nextMonthStart,
  overlapWithBounds,
  workingDaysIn,
  type DateRangeOverlap,
  type LocalDateBounds,
} from './measures';
