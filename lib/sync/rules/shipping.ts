import type { ExportProblem, ShippingRules } from '../types';

/**
 * Characters stripped from either end of a method name: spaces, full stops, commas, colons,
 * dashes and similar separators. Brackets and quotes are kept, so "Next Day (AM)" keeps its ")".
 */
const EDGE_PUNCTUATION = /^[\s.,;:!?*_|/\\~·•\-]+|[\s.,;:!?*_|/\\~·•\-]+$/gu;

/**
 * The key a shipping method is mapped on. BigCommerce's method text is free text the merchant
 * can rename, so two spellings of one method must give one key:
 * "Royal  Mail Tracked 48 " and "royal mail tracked 48" are the same method.
 *
 * Unicode compatibility forms are folded (NBSP and other exotic spaces become spaces, full-width
 * letters become ASCII), zero-width characters are dropped, en/em dashes become "-", the text is
 * lower-cased, every run of whitespace becomes one space, and separators at either end go.
 */
export function normaliseShippingMethod(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/gu, '')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .replace(EDGE_PUNCTUATION, '');
}

export type CourierServiceResolution = { service: string } | { problem: ExportProblem };

/** Looks a key up, tolerating maps whose keys were stored without normalising. */
function lookupMapping(mappings: ReadonlyMap<string, string | null>, key: string): string | null {
  const direct = mappings.get(key);
  if (direct !== undefined) return usable(direct);
  for (const [storedKey, service] of mappings) {
    if (normaliseShippingMethod(storedKey) === key) return usable(service);
  }
  return null;
}

function usable(service: string | null): string | null {
  const trimmed = service?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * Strict: the method must be mapped to a Whistl courier service. An absent key and a key mapped
 * to null are both "unmapped"; only an explicitly set `defaultCourierService` covers them.
 * An empty method text is always a problem, default or not: there is nothing to map.
 */
export function resolveCourierService(methodText: string, rules: ShippingRules): CourierServiceResolution {
  const key = normaliseShippingMethod(methodText);
  if (key === '') {
    return {
      problem: {
        type: 'UNMAPPED_SHIPPING',
        reasonKey: 'shipping:',
        message: 'The order has no shipping method, so no Whistl courier service can be chosen',
        detail: { methodText, key },
      },
    };
  }
  const mapped = lookupMapping(rules.mappings, key);
  if (mapped !== null) return { service: mapped };
  const fallback = usable(rules.defaultCourierService);
  if (fallback !== null) return { service: fallback };
  return {
    problem: {
      type: 'UNMAPPED_SHIPPING',
      reasonKey: `shipping:${key}`,
      message: `Shipping method "${methodText.trim()}" is not mapped to a Whistl courier service`,
      detail: { methodText, key },
    },
  };
}
