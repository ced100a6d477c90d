import { describe, expect, it } from 'vitest';
import { previewSku, SKU_MAX_LENGTH, skuPolicyViolation, toWhistlSku } from '@/lib/sync/rules';
import { skuRules } from './fixtures/orders';

describe('toWhistlSku: policies', () => {
  it('passes an alphanumeric SKU unchanged under the default policy', () => {
    expect(toWhistlSku('TEE123', skuRules())).toEqual({ sku: 'TEE123' });
  });

  it.each([
    ['ALPHANUMERIC', 'TEE-RED', false],
    ['ALPHANUMERIC', 'tee red', false],
    ['ALPHANUMERIC', 'TÉE1', false],
    ['ALPHANUMERIC_DASH', 'TEE-RED_L', true],
    ['ALPHANUMERIC_DASH', 'TEE-RED/L', false],
    ['ANY_NON_EMPTY', 'TEE-RED/L#2', true],
    ['ANY_NON_EMPTY', 'TEE RED', false],
  ] as const)('%s: %j ok=%s', (policy, sku, ok) => {
    const result = toWhistlSku(sku, skuRules({ policy }));
    expect('sku' in result).toBe(ok);
  });

  it('names the original SKU, the transformed SKU and the rule when rejected', () => {
    const result = toWhistlSku('tee-red/l', skuRules({ uppercase: true }), { orderProductId: 5, name: 'Tee' });
    expect(result).toEqual({
      problem: {
        type: 'INVALID_SKU',
        reasonKey: 'sku:tee-red/l',
        message: expect.stringContaining('"tee-red/l"'),
        detail: expect.objectContaining({ sku: 'tee-red/l', whistlSku: 'TEE-RED/L', policy: 'ALPHANUMERIC' }),
      },
    });
    const message = 'problem' in result ? result.problem.message : '';
    expect(message).toContain('"TEE-RED/L"');
    expect(message).toContain('strictly alphanumeric');
  });

  it('reports an untransformed rejection without claiming a transform', () => {
    const result = toWhistlSku('TEE-RED', skuRules());
    expect('problem' in result && result.problem.message).toBe(
      'SKU "TEE-RED" is sent as "TEE-RED", which is not strictly alphanumeric (letters A-Z and digits 0-9 only)',
    );
  });
});

describe('toWhistlSku: length', () => {
  it('accepts exactly 50 characters and rejects 51, saying so', () => {
    expect(SKU_MAX_LENGTH).toBe(50);
    expect(toWhistlSku('A'.repeat(50), skuRules())).toEqual({ sku: 'A'.repeat(50) });
    const result = toWhistlSku('A'.repeat(51), skuRules());
    expect(result).toMatchObject({ problem: { type: 'INVALID_SKU', reasonKey: `sku:${'A'.repeat(51)}` } });
    expect('problem' in result && result.problem.message).toMatch(/51 characters long \(Whistl SKUs are limited to 50\)/);
  });

  it('counts the prefix and suffix towards the limit', () => {
    const rules = skuRules({ prefix: 'PRE', suffix: 'SUF' });
    expect(toWhistlSku('A'.repeat(44), rules)).toEqual({ sku: `PRE${'A'.repeat(44)}SUF` });
    expect(toWhistlSku('A'.repeat(45), rules)).toMatchObject({ problem: { type: 'INVALID_SKU' } });
  });

  it('lists both reasons when a SKU breaks the policy and the limit', () => {
    expect(skuPolicyViolation(`${'A'.repeat(50)}-`, 'ALPHANUMERIC')).toBe(
      'is not strictly alphanumeric (letters A-Z and digits 0-9 only) and is 51 characters long (Whistl SKUs are limited to 50)',
    );
  });
});

describe('toWhistlSku: transforms', () => {
  it('applies upper-case, strip, prefix, suffix in that order', () => {
    const rules = skuRules({ uppercase: true, stripChars: '-/ ', prefix: 'ab', suffix: 'x' });
    // Prefix and suffix are added after upper-casing, so they keep their own case.
    expect(toWhistlSku('tee-red/l', rules)).toEqual({ sku: 'abTEEREDLx' });
  });

  it('strips every listed character wherever it appears', () => {
    expect(toWhistlSku('A.B.C-1_2', skuRules({ stripChars: '._-' }))).toEqual({ sku: 'ABC12' });
  });

  it('does not strip characters from the prefix or suffix', () => {
    expect(toWhistlSku('TEE-RED', skuRules({ stripChars: '-', prefix: 'X-', policy: 'ALPHANUMERIC_DASH' }))).toEqual({
      sku: 'X-TEERED',
    });
  });

  it('ignores surrounding whitespace', () => {
    expect(toWhistlSku('  TEE1 ', skuRules())).toEqual({ sku: 'TEE1' });
  });

  it('rejects a SKU that the strip rule empties', () => {
    expect(toWhistlSku('---', skuRules({ stripChars: '-' }))).toMatchObject({
      problem: { type: 'INVALID_SKU', reasonKey: 'sku:---', message: expect.stringContaining('is empty') },
    });
  });
});

describe('toWhistlSku: aliases', () => {
  it('uses an exact alias and skips the transforms', () => {
    const rules = skuRules({ uppercase: true, prefix: 'P', aliases: new Map([['tee-red/l', 'TeeRedL']]) });
    expect(toWhistlSku('tee-red/l', rules)).toEqual({ sku: 'TeeRedL' });
  });

  it('matches aliases exactly (case-sensitive)', () => {
    const rules = skuRules({ aliases: new Map([['tee-red/l', 'TEEREDL']]) });
    expect(toWhistlSku('TEE-RED/L', rules)).toMatchObject({ problem: { type: 'INVALID_SKU' } });
  });

  it('still checks an alias against the policy', () => {
    const rules = skuRules({ aliases: new Map([['TEE/1', 'TEE-1']]) });
    const result = toWhistlSku('TEE/1', rules);
    expect(result).toMatchObject({
      problem: { type: 'INVALID_SKU', reasonKey: 'sku:TEE/1', detail: { aliasApplied: true, whistlSku: 'TEE-1' } },
    });
    expect('problem' in result && result.problem.message).toContain('is aliased to "TEE-1"');
  });
});

describe('toWhistlSku: missing SKU', () => {
  it.each(['', '   ', '\u00A0'])('%j is MISSING_SKU keyed on the order product id', (sku) => {
    expect(toWhistlSku(sku, skuRules(), { orderProductId: 42, name: 'Mug' })).toEqual({
      problem: {
        type: 'MISSING_SKU',
        reasonKey: 'sku-missing:42',
        message: 'Product "Mug" has no SKU, so Whistl cannot pick it',
        detail: { orderProductId: 42, name: 'Mug' },
      },
    });
  });

  it('falls back to the name, then to "unknown"', () => {
    expect(toWhistlSku('', skuRules(), { name: 'Mug' })).toMatchObject({ problem: { reasonKey: 'sku-missing:Mug' } });
    expect(toWhistlSku('', skuRules())).toMatchObject({ problem: { reasonKey: 'sku-missing:unknown' } });
  });

  it('is not rescued by an alias or a prefix', () => {
    const rules = skuRules({ prefix: 'P', aliases: new Map([['', 'X']]) });
    expect(toWhistlSku('', rules)).toMatchObject({ problem: { type: 'MISSING_SKU' } });
  });
});

describe('previewSku', () => {
  it('shows every enabled step in order', () => {
    const rules = skuRules({ uppercase: true, stripChars: '/ ', prefix: 'W', suffix: 'Z' });
    const preview = previewSku(' tee/red l', rules);
    expect(preview).toMatchObject({ input: ' tee/red l', aliasApplied: false, output: 'WTEEREDLZ', ok: true });
    expect(preview.problem).toBeUndefined();
    expect(preview.steps.map((s) => [s.rule, s.value])).toEqual([
      ['trim', 'tee/red l'],
      ['uppercase', 'TEE/RED L'],
      ['strip', 'TEEREDL'],
      ['prefix', 'WTEEREDL'],
      ['suffix', 'WTEEREDLZ'],
    ]);
    expect(preview.steps[2]!.label).toBe('Strip "/", space');
  });

  it('lists an enabled rule even when it changes nothing', () => {
    expect(previewSku('ABC', skuRules({ uppercase: true })).steps).toEqual([
      { rule: 'uppercase', label: 'Upper-case', value: 'ABC' },
    ]);
  });

  it('shows the alias as the only step and the problem when rejected', () => {
    const preview = previewSku('old sku', skuRules({ uppercase: true, aliases: new Map([['old sku', 'NEW SKU']]) }));
    expect(preview.aliasApplied).toBe(true);
    expect(preview.steps).toEqual([{ rule: 'alias', label: 'Alias "old sku" -> "NEW SKU"', value: 'NEW SKU' }]);
    expect(preview.output).toBe('NEW SKU');
    expect(preview.ok).toBe(false);
    expect(preview.problem?.type).toBe('INVALID_SKU');
  });
});
