/** Wire formatting helpers: RFC-2822 dates (V2), ISO dates (V3), money as 4-decimal strings. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `Tue, 20 Nov 2012 00:00:00 +0000`, always UTC, as V2 returns it. */
export function rfc2822(ms: number): string {
  const date = new Date(ms);
  const day = DAYS[date.getUTCDay()] ?? 'Sun';
  const month = MONTHS[date.getUTCMonth()] ?? 'Jan';
  return `${day}, ${pad(date.getUTCDate())} ${month} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(
    date.getUTCMinutes(),
  )}:${pad(date.getUTCSeconds())} +0000`;
}

/** `2018-08-15T14:49:05+00:00` as the V3 catalog returns it. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
}

/** Parses an RFC-2822 or ISO-8601 filter value (V2 accepts both); undefined when unparseable. */
export function parseDateFilter(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const parsed = Date.parse(trimmed);
  return Number.isNaN(parsed) ? undefined : parsed;
}

export function money(value: number): string {
  return value.toFixed(4);
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
