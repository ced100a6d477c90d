/**
 * V2 dates are RFC-2822 strings (`Tue, 05 Mar 2019 21:40:11 +0000`); unset dates are `""`.
 * Parsed strictly here rather than trusting `new Date(string)`, which accepts almost anything.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const RFC_2822 =
  /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|UT|UTC|GMT|Z)\s*$/;

/** Returns the instant, or undefined when the text is not an RFC-2822 date. */
export function parseRfc2822(text: string): Date | undefined {
  const match = RFC_2822.exec(text);
  if (!match) return undefined;
  const [, day, monthName, year, hour, minute, second, zone] = match;
  const month = MONTHS.indexOf((monthName ?? '').toLowerCase());
  if (month === -1 || !day || !year || !hour || !minute || !zone) return undefined;
  let offsetMinutes = 0;
  if (zone.startsWith('+') || zone.startsWith('-')) {
    const sign = zone.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  }
  const utc = Date.UTC(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? '0'));
  const date = new Date(utc - offsetMinutes * 60_000);
  // Reject impossible calendar values such as 31 Feb, which Date.UTC silently rolls over.
  return new Date(utc).getUTCDate() === Number(day) ? date : undefined;
}

/** Formats an instant as RFC-2822 in UTC, the form V2 filters such as `min_date_modified` accept. */
export function formatRfc2822(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const pad = (value: number): string => String(value).padStart(2, '0');
  const month = MONTHS[date.getUTCMonth()] ?? 'jan';
  return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${month.charAt(0).toUpperCase()}${month.slice(1)} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}
