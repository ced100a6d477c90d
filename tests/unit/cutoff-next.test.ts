import { describe, expect, it } from 'vitest';
import { nextCutoff, parseCutoffTime } from '@/lib/sync/cutoff/cutoff';
import { addDays, formatLocalDate, localDateOf, localDayBounds, parseLocalDate, zonedInstant } from '@/lib/time/zoned-time';

const LONDON = 'Europe/London';
const H = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('nextCutoff', () => {
  it("returns today's cutoff in winter (GMT = UTC)", () => {
    const next = nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-01-15T10:00:00Z'));
    expect(next?.cutoffAt.toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(next?.msLeft).toBe(5 * H);
  });

  it("returns today's cutoff in summer (BST = UTC+1)", () => {
    const next = nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-07-01T10:00:00Z'));
    expect(next?.cutoffAt.toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(next?.msLeft).toBe(4 * H);
  });

  it("rolls to tomorrow once today's cutoff has passed, and at the cutoff minute itself", () => {
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-07-01T14:00:01Z'))?.cutoffAt.toISOString()).toBe('2026-07-02T14:00:00.000Z');
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-07-01T14:00:00Z'))?.cutoffAt.toISOString()).toBe('2026-07-02T14:00:00.000Z');
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-07-01T13:59:59Z'))?.msLeft).toBe(1000);
  });

  it("uses the store's calendar day, not UTC's, just after local midnight", () => {
    // 23:30 UTC on 1 July is 00:30 BST on 2 July: today's cutoff is 2 July's.
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-07-01T23:30:00Z'))?.cutoffAt.toISOString()).toBe('2026-07-02T14:00:00.000Z');
    // 23:30 UTC on 1 July is 09:30 AEST on 2 July in Sydney.
    expect(nextCutoff({ cutoffTime: '16:00', timeZone: 'Australia/Sydney' }, at('2026-07-01T23:30:00Z'))?.cutoffAt.toISOString()).toBe('2026-07-02T06:00:00.000Z');
  });

  it('crosses the spring change (2026-03-29, GMT -> BST): the night is an hour shorter', () => {
    // Saturday 16:00 GMT, after the 15:00 cutoff: next is Sunday 15:00 BST = 14:00 UTC, 22 h away.
    const next = nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-03-28T16:00:00Z'));
    expect(next?.cutoffAt.toISOString()).toBe('2026-03-29T14:00:00.000Z');
    expect(next?.msLeft).toBe(22 * H);
    // On the change day itself, before the change.
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-03-29T00:30:00Z'))?.cutoffAt.toISOString()).toBe('2026-03-29T14:00:00.000Z');
  });

  it('crosses the autumn change (2026-10-25, BST -> GMT): the night is an hour longer', () => {
    // Saturday 16:00 BST (15:00 UTC): next is Sunday 15:00 GMT = 15:00 UTC, 24 h away (not 23).
    const next = nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-10-24T15:00:00Z'));
    expect(next?.cutoffAt.toISOString()).toBe('2026-10-25T15:00:00.000Z');
    expect(next?.msLeft).toBe(24 * H);
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: LONDON }, at('2026-10-25T01:30:00Z'))?.cutoffAt.toISOString()).toBe('2026-10-25T15:00:00.000Z');
  });

  it('reads a cutoff inside the skipped hour as one hour later, and a repeated hour as its first occurrence', () => {
    // 01:30 does not exist on 2026-03-29 in London: it is 02:30 BST = 01:30 UTC.
    expect(nextCutoff({ cutoffTime: '01:30', timeZone: LONDON }, at('2026-03-29T00:00:00Z'))?.cutoffAt.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 happens twice on 2026-10-25: the first (BST) is 00:30 UTC.
    expect(nextCutoff({ cutoffTime: '01:30', timeZone: LONDON }, at('2026-10-24T23:00:00Z'))?.cutoffAt.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // Between the two occurrences, the next one is tomorrow's.
    expect(nextCutoff({ cutoffTime: '01:30', timeZone: LONDON }, at('2026-10-25T01:00:00Z'))?.cutoffAt.toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });

  it('works in other zones across their own changes (New York, 2026-03-08)', () => {
    const next = nextCutoff({ cutoffTime: '17:00', timeZone: 'America/New_York' }, at('2026-03-07T23:00:00Z'));
    // Sat 18:00 EST -> Sun 17:00 EDT = 21:00 UTC: 22 h.
    expect(next?.cutoffAt.toISOString()).toBe('2026-03-08T21:00:00.000Z');
    expect(next?.msLeft).toBe(22 * H);
  });

  it('is null without a usable setting', () => {
    const now = at('2026-07-01T10:00:00Z');
    expect(nextCutoff({ cutoffTime: null, timeZone: LONDON }, now)).toBeNull();
    expect(nextCutoff({ cutoffTime: '', timeZone: LONDON }, now)).toBeNull();
    expect(nextCutoff({ cutoffTime: '24:00', timeZone: LONDON }, now)).toBeNull();
    expect(nextCutoff({ cutoffTime: '9:30', timeZone: LONDON }, now)).toBeNull();
    expect(nextCutoff({ cutoffTime: '15:00', timeZone: 'Mars/Olympus_Mons' }, now)).toBeNull();
  });

  it('parses HH:MM strictly', () => {
    expect(parseCutoffTime('00:00')).toEqual({ hour: 0, minute: 0 });
    expect(parseCutoffTime('23:59')).toEqual({ hour: 23, minute: 59 });
    expect(parseCutoffTime('12:60')).toBeNull();
    expect(parseCutoffTime('noon')).toBeNull();
  });
});

describe('local days', () => {
  it('is 23 hours long on the spring change day and 25 on the autumn one', () => {
    const spring = localDayBounds({ year: 2026, month: 3, day: 29 }, LONDON);
    expect(spring.start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(spring.end.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    const autumn = localDayBounds({ year: 2026, month: 10, day: 25 }, LONDON);
    expect(autumn.start.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(autumn.end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    const summer = localDayBounds({ year: 2026, month: 7, day: 1 }, LONDON);
    expect(summer.end.getTime() - summer.start.getTime()).toBe(24 * H);
  });

  it('finds the local date of an instant and steps across months and years', () => {
    expect(formatLocalDate(localDateOf(at('2026-10-24T23:30:00Z'), LONDON))).toBe('2026-10-25');
    expect(formatLocalDate(localDateOf(at('2026-10-25T23:30:00Z'), LONDON))).toBe('2026-10-25');
    expect(formatLocalDate(addDays({ year: 2026, month: 12, day: 31 }, 1))).toBe('2027-01-01');
    expect(formatLocalDate(addDays({ year: 2026, month: 3, day: 1 }, -1))).toBe('2026-02-28');
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('2026-03-29')).toEqual({ year: 2026, month: 3, day: 29 });
    expect(zonedInstant({ year: 2026, month: 1, day: 1 }, 9, 0, 'Asia/Kolkata').toISOString()).toBe('2026-01-01T03:30:00.000Z');
  });
});
