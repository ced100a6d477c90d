import type { ExportProblem, SkuPolicy, SkuRules } from '../types';

/** Longest SKU sent to Whistl. Whistl publishes no limit; 50 is a conservative WMS-safe cap. */
export const SKU_MAX_LENGTH = 50;

const POLICY_PATTERNS: Record<SkuPolicy, RegExp> = {
  ALPHANUMERIC: /^[A-Za-z0-9]+$/,
  ALPHANUMERIC_DASH: /^[A-Za-z0-9_-]+$/,
  ANY_NON_EMPTY: /^\S+$/u,
};

/** How each policy reads in a message: "... which is not <description>". */
export const SKU_POLICY_DESCRIPTIONS: Record<SkuPolicy, string> = {
  ALPHANUMERIC: 'strictly alphanumeric (letters A-Z and digits 0-9 only)',
  ALPHANUMERIC_DASH: 'alphanumeric with dashes and underscores (A-Z, 0-9, "-" and "_" only)',
  ANY_NON_EMPTY: 'a non-empty SKU without spaces',
};

/** Who a SKU belongs to, for messages and the MISSING_SKU reason key. */
export interface SkuLineIdentity {
  orderProductId?: number;
  name?: string;
}

export interface SkuPreviewStep {
  /** Stable rule id: "trim" | "alias" | "uppercase" | "strip" | "prefix" | "suffix". */
  rule: string;
  /** Human text for the preview box, e.g. 'Strip "/ "'. */
  label: string;
  /** The SKU after this step. */
  value: string;
}

export interface SkuPreview {
  input: string;
  aliasApplied: boolean;
  /** Every enabled rule in the order it ran, including ones that changed nothing. */
  steps: SkuPreviewStep[];
  /** What would be sent to Whistl (also set when the policy rejects it, to show why). */
  output: string;
  ok: boolean;
  problem?: ExportProblem;
}

export type SkuResolution = { sku: string } | { problem: ExportProblem };

/**
 * Why `sku` breaks the policy or the length cap, or null when it passes. Exported for the
 * catalog scan, which checks already-transformed SKUs.
 */
export function skuPolicyViolation(sku: string, policy: SkuPolicy): string | null {
  const reasons: string[] = [];
  if (!POLICY_PATTERNS[policy].test(sku)) reasons.push(`is not ${SKU_POLICY_DESCRIPTIONS[policy]}`);
  const length = Array.from(sku).length;
  if (length > SKU_MAX_LENGTH) reasons.push(`is ${length} characters long (Whistl SKUs are limited to ${SKU_MAX_LENGTH})`);
  return reasons.length === 0 ? null : reasons.join(' and ');
}

function stripCharacters(value: string, stripChars: string): string {
  const strip = new Set(Array.from(stripChars));
  return Array.from(value)
    .filter((char) => !strip.has(char))
    .join('');
}

function describeChars(chars: string): string {
  return Array.from(new Set(Array.from(chars)))
    .map((char) => (char === ' ' ? 'space' : /\s/u.test(char) ? JSON.stringify(char) : `"${char}"`))
    .join(', ');
}

/**
 * Runs the store's SKU rules on one SKU and shows every step. Order: trim surrounding whitespace
 * (never meaningful in a SKU), then an exact alias match (which skips the transforms), otherwise
 * upper-case, strip listed characters, prefix, suffix; finally the policy and the 50-character cap.
 */
export function previewSku(bcSku: string, rules: SkuRules, line?: SkuLineIdentity): SkuPreview {
  const input = bcSku;
  const steps: SkuPreviewStep[] = [];
  const trimmed = bcSku.trim();
  if (trimmed !== bcSku) steps.push({ rule: 'trim', label: 'Trim surrounding spaces', value: trimmed });

  if (trimmed === '') {
    const who = line?.orderProductId ?? (line?.name?.trim() || 'unknown');
    const lineName = line?.name?.trim();
    return {
      input,
      aliasApplied: false,
      steps,
      output: '',
      ok: false,
      problem: {
        type: 'MISSING_SKU',
        reasonKey: `sku-missing:${who}`,
        message: lineName
          ? `Product "${lineName}" has no SKU, so Whistl cannot pick it`
          : 'An order line has no SKU, so Whistl cannot pick it',
        detail: { orderProductId: line?.orderProductId ?? null, name: lineName ?? null },
      },
    };
  }

  const alias = rules.aliases.get(bcSku) ?? rules.aliases.get(trimmed);
  let value = trimmed;
  if (alias !== undefined) {
    value = alias.trim();
    steps.push({ rule: 'alias', label: `Alias "${trimmed}" -> "${value}"`, value });
  } else {
    if (rules.uppercase) {
      value = value.toUpperCase();
      steps.push({ rule: 'uppercase', label: 'Upper-case', value });
    }
    if (rules.stripChars !== '') {
      value = stripCharacters(value, rules.stripChars);
      steps.push({ rule: 'strip', label: `Strip ${describeChars(rules.stripChars)}`, value });
    }
    if (rules.prefix !== '') {
      value = `${rules.prefix}${value}`;
      steps.push({ rule: 'prefix', label: `Prefix "${rules.prefix}"`, value });
    }
    if (rules.suffix !== '') {
      value = `${value}${rules.suffix}`;
      steps.push({ rule: 'suffix', label: `Suffix "${rules.suffix}"`, value });
    }
  }

  const violation = value === '' ? 'is empty' : skuPolicyViolation(value, rules.policy);
  if (violation === null) return { input, aliasApplied: alias !== undefined, steps, output: value, ok: true };

  const how = alias !== undefined ? 'is aliased to' : value === trimmed ? 'is sent as' : 'becomes';
  const how2 = alias !== undefined ? '' : value === trimmed ? '' : ' after the store\'s SKU rules';
  return {
    input,
    aliasApplied: alias !== undefined,
    steps,
    output: value,
    ok: false,
    problem: {
      type: 'INVALID_SKU',
      reasonKey: `sku:${trimmed}`,
      message: `SKU "${trimmed}" ${how} "${value}"${how2}, which ${violation}`,
      detail: {
        sku: trimmed,
        whistlSku: value,
        policy: rules.policy,
        aliasApplied: alias !== undefined,
        orderProductId: line?.orderProductId ?? null,
      },
    },
  };
}

/** The Whistl SKU for a BigCommerce SKU, or the one problem that stops it. */
export function toWhistlSku(bcSku: string, rules: SkuRules, line?: SkuLineIdentity): SkuResolution {
  const preview = previewSku(bcSku, rules, line);
  if (preview.ok) return { sku: preview.output };
  // previewSku always sets a problem when ok is false.
  return { problem: preview.problem! };
}
