import { addDays, formatLocalDate, localDateOf, localDayBounds, type LocalDate } from '../../time/zoned-time';

/** Consecutive local calendar days in a time zone, for counting instants per day. */
export interface DayBucket {
  /** "YYYY-MM-DD" in the zone. */
  date: string;
  start: Date;
  end: Date;
}

/** The `count` local days ending with the one that contains `now` (oldest first). */
export function lastLocalDays(now: Date, timeZone: string, count: number): DayBucket[] {
  const today = localDateOf(now, timeZone);
  const days: DayBucket[] = [];
  for (let i = count - 1; i >= 0; i -= 1) days.push(dayBucket(addDays(today, -i), timeZone));
  return days;
}

export function dayBucket(date: LocalDate, timeZone: string): DayBucket {
  const { start, end } = localDayBounds(date, timeZone);
  return { date: formatLocalDate(date), start, end };
}

/** Index of the bucket holding the instant, or -1 (buckets must be consecutive and sorted). */
export function bucketIndex(buckets: readonly DayBucket[], instant: Date): number {
  const t = instant.getTime();
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const bucket = buckets[mid]!;
    if (t < bucket.start.getTime()) hi = mid - 1;
    else if (t >= bucket.end.getTime()) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** How many instants fall in each bucket. */
export function countPerBucket(buckets: readonly DayBucket[], instants: Iterable<Date>): number[] {
  const counts = buckets.map(() => 0);
  for (const instant of instants) {
    const i = bucketIndex(buckets, instant);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
