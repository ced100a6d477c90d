import { describe, expect, it } from 'vitest';
import { bucketIndex, countPerBucket, lastLocalDays } from '@/lib/sync/cutoff/day-buckets';
import { csvCell, toCsv } from '@/lib/sync/finance/csv';
import { formatMoneyUnits, parseMoney, sumMoney } from '@/lib/sync/finance/money';
import { daysBetween, MAX_RECONCILIATION_DAYS } from '@/lib/sync/finance/reconcile';

const LONDON = 'Europe/London';

describe('money', () => {
  it('sums BigCommerce decimal strings exactly', () => {
    expect(parseMoney('208.8900')).toBe(2_088_900);
    expect(parseMoney('0.1')).toBe(1000);
    expect(parseMoney('12')).toBe(120_000);
    expect(parseMoney('-3.50')).toBe(-35_000);
    expect(parseMoney('1,000.00')).toBeNull();
    expect(parseMoney('')).toBeNull();
    expect(parseMoney(null)).toBeNull();
    // 0.1 + 0.2 in floating point is 0.30000000000000004; here it is exact.
    const { units, unparsed } = sumMoney(['0.1000', '0.2000', 'n/a', null]);
    expect(formatMoneyUnits(units)).toBe('0.30');
    expect(unparsed).toBe(2);
  });

  it('rounds to pence half away from zero', () => {
    expect(formatMoneyUnits(parseMoney('10.005')!)).toBe('10.01');
    expect(formatMoneyUnits(parseMoney('10.0049')!)).toBe('10.00');
    expect(formatMoneyUnits(parseMoney('-10.005')!)).toBe('-10.01');
    expect(formatMoneyUnits(parseMoney('-0.0001')!)).toBe('0.00');
    expect(formatMoneyUnits(0)).toBe('0.00');
    expect(formatMoneyUnits(parseMoney('123456789.99')!)).toBe('123456789.99');
  });
});

describe('reconciliation days', () => {
  it('gives the spring change day 23 hours and the autumn one 25, so no order falls between days', () => {
    const spring = daysBetween({ year: 2026, month: 3, day: 28 }, { year: 2026, month: 3, day: 30 }, LONDON);
    expect(spring.map((d) => d.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(spring.map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000)).toEqual([24, 23, 24]);
    const autumn = daysBetween({ year: 2026, month: 10, day: 24 }, { year: 2026, month: 10, day: 26 }, LONDON);
    expect(autumn.map((d) => (d.end.getTime() - d.start.getTime()) / 3_600_000)).toEqual([24, 25, 24]);
    for (const days of [spring, autumn]) {
      for (let i = 1; i < days.length; i += 1) expect(days[i]!.start.getTime()).toBe(days[i - 1]!.end.getTime());
    }
  });

  it('files instants under the store-local day at the boundaries', () => {
    const days = daysBetween({ year: 2026, month: 10, day: 24 }, { year: 2026, month: 10, day: 26 }, LONDON);
    // 23:30 UTC on 24 Oct is 00:30 BST on 25 Oct.
    expect(days[bucketIndex(days, new Date('2026-10-24T23:30:00Z'))]?.date).toBe('2026-10-25');
    // 22:59:59 UTC on 24 Oct is 23:59:59 BST: still the 24th.
    expect(days[bucketIndex(days, new Date('2026-10-24T22:59:59.999Z'))]?.date).toBe('2026-10-24');
    // The repeated hour (01:00-02:00 local happens twice) stays on the 25th.
    expect(days[bucketIndex(days, new Date('2026-10-25T00:30:00Z'))]?.date).toBe('2026-10-25');
    expect(days[bucketIndex(days, new Date('2026-10-25T01:30:00Z'))]?.date).toBe('2026-10-25');
    // 23:30 UTC on 25 Oct is 23:30 GMT: still the 25th (a UTC+1 guess would say the 26th).
    expect(days[bucketIndex(days, new Date('2026-10-25T23:30:00Z'))]?.date).toBe('2026-10-25');
    expect(days[bucketIndex(days, new Date('2026-10-26T00:00:00Z'))]?.date).toBe('2026-10-26');
    expect(bucketIndex(days, new Date('2026-10-23T22:59:59Z'))).toBe(-1);
    expect(bucketIndex(days, new Date('2026-10-27T00:00:00Z'))).toBe(-1);

    const spring = daysBetween({ year: 2026, month: 3, day: 29 }, { year: 2026, month: 3, day: 29 }, LONDON);
    expect(countPerBucket(spring, [new Date('2026-03-29T00:00:00Z'), new Date('2026-03-29T22:59:59Z'), new Date('2026-03-29T23:00:00Z'), new Date('2026-03-28T23:59:59Z')])).toEqual([2]);
  });

  it('refuses backwards and over-long ranges', () => {
    expect(() => daysBetween({ year: 2026, month: 3, day: 2 }, { year: 2026, month: 3, day: 1 }, LONDON)).toThrow(RangeError);
    expect(() => daysBetween({ year: 2026, month: 1, day: 1 }, { year: 2026, month: 12, day: 31 }, LONDON)).toThrow(`At most ${MAX_RECONCILIATION_DAYS} days`);
  });

  it('ends the dashboard trend window with today in the store zone', () => {
    const days = lastLocalDays(new Date('2026-03-29T23:30:00Z'), LONDON, 14);
    expect(days).toHaveLength(14);
    expect(days[13]?.date).toBe('2026-03-30');
    expect(days[0]?.date).toBe('2026-03-17');
  });
});

describe('CSV', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(12)).toBe('12');
    expect(csvCell(-3)).toBe('-3');
  });

  it('defuses formula injection in text cells', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+44 20 7946 0000')).toBe("'+44 20 7946 0000");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a BOM, a header and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [null, '=1']])).toBe(`\uFEFFa,b\r\n1,"x,y"\r\n,'=1\r\n`);
  });
});
