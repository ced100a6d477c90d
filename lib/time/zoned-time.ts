/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no date library).
 *
 * A "local date" is a calendar day in the zone; converting a local date and time back to an instant
 * follows the usual rules at clock changes:
 * - a time inside a spring-forward gap does not exist; it is read one gap later on the wall clock
 *   (01:30 on 2026-03-29 in Europe/London is 02:30 BST);
 * - a time inside the repeated autumn hour is ambiguous; the FIRST occurrence is chosen (01:30 on
 *   2026-10-25 in Europe/London is 01:30 BST = 00:30 UTC), so a deadline is never reported late.
 */

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (e.g. "Europe/London", "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at an instant. Throws RangeError for an unknown zone. */
export function wallClockAt(instant: Date | number, timeZone: string): WallClock {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in ms (e.g. 3 600 000 during BST). */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  const w = wallClockAt(wholeSecond, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSecond;
}

/** The calendar day in `timeZone` that contains the instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClockAt(instant, timeZone);
  return { year, month, day };
}

/** The calendar day `days` after (or before) a local date. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** "2026-03-29" */
export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Parses "YYYY-MM-DD" (a real calendar day) or returns null. */
export function parseLocalDate(text: string): LocalDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = addDays(date, 0);
  return check.year === date.year && check.month === date.month && check.day === date.day ? date : null;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local date and time.
 * Gaps resolve forward, repeated hours to the first occurrence (see the file comment).
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const wallAsUtc = Date.UTC(date.year, date.month - 1, date.day, hour, minute, 0, 0);
  // The offsets a few hours either side bracket any clock change (all real changes are ≤ 2 h).
  const before = offsetMsAt(wallAsUtc - 6 * 3_600_000, timeZone);
  const after = offsetMsAt(wallAsUtc + 6 * 3_600_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wallAsUtc - offset)
    .filter((instant) => offsetMsAt(instant, timeZone) === wallAsUtc - instant)
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // In a gap: no instant shows this wall time. Read it with the offset from before the change,
  // which lands the same distance past the gap's end (01:30 GMT-reading -> 02:30 BST).
  return new Date(wallAsUtc - before);
}

/** The instants [start, end) bounding a local calendar day (23 or 25 hours long on change days). */
export function localDayBounds(date: LocalDate, timeZone: string): { start: Date; end: Date } {
  return { start: zonedInstant(date, 0, 0, timeZone), end: zonedInstant(addDays(date, 1), 0, 0, timeZone) };
}
