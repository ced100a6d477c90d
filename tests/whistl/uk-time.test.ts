import { describe, expect, it } from 'vitest';
import { formatUkLocal, parseUkLocal } from '@/lib/whistl';
import { londonOffsetMs } from '@/lib/whistl/uk-time';

describe('UK local time (Europe/London) <-> instants', () => {
  it('reads summer times as BST (UTC+1)', () => {
    expect(parseUkLocal('2026-07-01T14:03:22')?.toISOString()).toBe('2026-07-01T13:03:22.000Z');
  });

  it('reads winter times as GMT (UTC+0)', () => {
    expect(parseUkLocal('2026-01-15T09:30:00')?.toISOString()).toBe('2026-01-15T09:30:00.000Z');
  });

  it('keeps fractional seconds and accepts bare dates and a space separator', () => {
    expect(parseUkLocal('2026-07-01T14:03:22.517')?.toISOString()).toBe('2026-07-01T13:03:22.517Z');
    expect(parseUkLocal('2026-07-01')?.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(parseUkLocal('2026-12-01 08:00:00')?.toISOString()).toBe('2026-12-01T08:00:00.000Z');
  });

  it('honours an explicit offset when Whistl sends one', () => {
    expect(parseUkLocal('2026-07-01T14:03:22Z')?.toISOString()).toBe('2026-07-01T14:03:22.000Z');
    expect(parseUkLocal('2026-07-01T14:03:22+02:00')?.toISOString()).toBe('2026-07-01T12:03:22.000Z');
  });

  it('returns null for text that is not a date', () => {
    expect(parseUkLocal('yesterday')).toBeNull();
    expect(parseUkLocal('')).toBeNull();
  });

  it('formats instants as UK wall-clock time without an offset', () => {
    expect(formatUkLocal(new Date('2026-07-01T13:03:22.900Z'))).toBe('2026-07-01T14:03:22');
    expect(formatUkLocal(new Date('2026-01-15T09:30:00Z'))).toBe('2026-01-15T09:30:00');
  });

  it('switches at 01:00 UTC on the last Sunday of March and October', () => {
    // 2026: BST starts 29 March, ends 25 October.
    expect(formatUkLocal(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29T00:59:59');
    expect(formatUkLocal(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T02:00:00');
    expect(formatUkLocal(new Date('2026-10-25T00:59:59Z'))).toBe('2026-10-25T01:59:59');
    expect(formatUkLocal(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25T01:00:00');
    expect(londonOffsetMs(Date.parse('2026-03-29T00:30:00Z'))).toBe(0);
    expect(londonOffsetMs(Date.parse('2026-03-29T01:30:00Z'))).toBe(3_600_000);
  });

  it('reads the spring-forward gap forward and the repeated autumn hour as GMT', () => {
    // 01:30 on 29 March 2026 never happened on a UK clock; it is read as 02:30 BST.
    expect(parseUkLocal('2026-03-29T01:30:00')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 01:30 on 25 October 2026 happened twice; the second (GMT) is chosen.
    expect(parseUkLocal('2026-10-25T01:30:00')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
    expect(parseUkLocal('2026-10-25T00:30:00')?.toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('round-trips every hour across both 2026 clock changes', () => {
    for (const start of [Date.parse('2026-03-28T00:00:00Z'), Date.parse('2026-10-24T00:00:00Z')]) {
      for (let hour = 0; hour < 72; hour += 1) {
        const instant = new Date(start + hour * 3_600_000);
        const local = formatUkLocal(instant);
        const back = parseUkLocal(local);
        // The repeated autumn hour is ambiguous; everything else must round-trip exactly.
        if (local.startsWith('2026-10-25T01:')) continue;
        expect(back?.toISOString(), local).toBe(instant.toISOString());
      }
    }
  });
});
