/**
 * Whistl sends and expects ISO-8601 date-times WITHOUT an offset, in UK local time
 * (Europe/London: GMT in winter, BST = UTC+1 in summer). These helpers convert between that
 * and real instants using Intl only.
 *
 * Edge cases at the clock changes:
 * - a local time inside the spring-forward gap (01:00–01:59 on the last Sunday of March) does
 *   not exist; it is read as the instant one hour later on the wall clock (e.g. 01:30 -> 02:30 BST);
 * - a local time in the repeated autumn hour (01:00–01:59 on the last Sunday of October) is
 *   ambiguous; it is read as the second occurrence (GMT).
 */

import { offsetMsAt, wallClockAt } from '../time/zoned-time';

const LONDON = 'Europe/London';

/** London's offset from UTC at an instant, in ms (0 in GMT, 3 600 000 in BST). */
export function londonOffsetMs(instantMs: number): number {
  return offsetMsAt(instantMs, LONDON);
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

/**
 * Parses a Whistl date-time ("2026-07-01T14:03:22", optional fraction, or a bare date) as UK
 * local time. A string that carries its own offset ("Z", "+01:00") is honoured as such.
 * Returns null when the text is not a date.
 */
export function parseUkLocal(text: string): Date | null {
  const trimmed = text.trim();
  const match = LOCAL_ISO.exec(trimmed);
  if (!match) {
    if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed)) {
      const withOffset = Date.parse(trimmed);
      return Number.isNaN(withOffset) ? null : new Date(withOffset);
    }
    return null;
  }
  const [, y, mo, d, h, mi, s, frac] = match;
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  const wallAsUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), ms);
  if (Number.isNaN(wallAsUtc)) return null;
  const firstGuess = londonOffsetMs(wallAsUtc);
  let instant = wallAsUtc - firstGuess;
  const corrected = londonOffsetMs(instant);
  if (corrected !== firstGuess) instant = wallAsUtc - corrected;
  return new Date(instant);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats an instant as Whistl expects: UK local wall-clock time, no offset ("2026-07-01T14:03:22"). */
export function formatUkLocal(date: Date): string {
  const w = wallClockAt(date.getTime(), LONDON);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
