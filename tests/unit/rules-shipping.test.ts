import { describe, expect, it } from 'vitest';
import { normaliseShippingMethod, resolveCourierService } from '@/lib/sync/rules';
import { shippingRules } from './fixtures/orders';

describe('normaliseShippingMethod', () => {
  it.each([
    ['Royal  Mail Tracked 48 ', 'royal mail tracked 48'],
    ['royal mail tracked 48', 'royal mail tracked 48'],
    ['ROYAL MAIL TRACKED 48', 'royal mail tracked 48'],
    ['\tRoyal\nMail\u00A0Tracked\u2009 48', 'royal mail tracked 48'],
    ['Royal Mail Tracked 48.', 'royal mail tracked 48'],
    [' - Royal Mail Tracked 48 : ', 'royal mail tracked 48'],
    ['Royal\u200BMail', 'royalmail'],
    ['ＤＰＤ Next Day', 'dpd next day'],
    ['Royal Mail – Tracked 48', 'royal mail - tracked 48'],
    ['Next Day (AM)', 'next day (am)'],
    ['   ', ''],
    ['', ''],
  ])('%j -> %j', (input, key) => {
    expect(normaliseShippingMethod(input)).toBe(key);
  });

  it('gives two spellings of one method the same key', () => {
    expect(normaliseShippingMethod('Royal  Mail Tracked 48 ')).toBe(normaliseShippingMethod('royal mail tracked 48'));
  });
});

describe('resolveCourierService', () => {
  it('maps a method through its normalised text', () => {
    expect(resolveCourierService('  Royal MAIL  tracked 48', shippingRules())).toEqual({ service: 'RM48' });
  });

  it('tolerates mapping keys stored without normalising', () => {
    const rules = shippingRules({ mappings: new Map([['Saturday  Courier ', 'SAT']]) });
    expect(resolveCourierService('saturday courier', rules)).toEqual({ service: 'SAT' });
  });

  it('is strict: an absent method is unmapped', () => {
    const result = resolveCourierService('Saturday Courier', shippingRules());
    expect(result).toEqual({
      problem: expect.objectContaining({
        type: 'UNMAPPED_SHIPPING',
        reasonKey: 'shipping:saturday courier',
        message: 'Shipping method "Saturday Courier" is not mapped to a Whistl courier service',
      }),
    });
  });

  it('treats a known but null (or blank) mapping as unmapped', () => {
    const rules = shippingRules({ mappings: new Map([['collect+', null], ['evri', '  ']]) });
    expect(resolveCourierService('Collect+', rules)).toMatchObject({ problem: { reasonKey: 'shipping:collect+' } });
    expect(resolveCourierService('Evri', rules)).toMatchObject({ problem: { type: 'UNMAPPED_SHIPPING' } });
  });

  it('uses the default only when the merchant set one explicitly', () => {
    const rules = shippingRules({ defaultCourierService: 'AUTO' });
    expect(resolveCourierService('Saturday Courier', rules)).toEqual({ service: 'AUTO' });
    expect(resolveCourierService('Royal Mail Tracked 48', rules)).toEqual({ service: 'RM48' });
    const nullMapped = shippingRules({ mappings: new Map([['collect+', null]]), defaultCourierService: 'AUTO' });
    expect(resolveCourierService('Collect+', nullMapped)).toEqual({ service: 'AUTO' });
  });

  it('reports an empty method even with a default', () => {
    for (const rules of [shippingRules(), shippingRules({ defaultCourierService: 'AUTO' })]) {
      const result = resolveCourierService(' \u00A0 ', rules);
      expect(result).toMatchObject({ problem: { type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:' } });
      expect('problem' in result && result.problem.message).toMatch(/no shipping method/);
    }
  });
});
