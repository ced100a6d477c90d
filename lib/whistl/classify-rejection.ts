import type { CreateOrderOutcome } from './types';

type NotCreated = Exclude<CreateOrderOutcome, { kind: 'created' }>;

/*
 * The contract's exact rejection messages. The live wording is undocumented, so matching is
 * case-insensitive, ignores surrounding text (a trailing full stop, a prefix) and also accepts
 * the value without quotes. Anything else is 'OTHER', with Whistl's message kept.
 */
const PATTERNS = {
  duplicate: [
    /Order with (OrderNumber|ExternalOrderReference) '(.*)' already exists/i,
    /Order with (OrderNumber|ExternalOrderReference) (\S+) already exists/i,
  ],
  sku: [/Product with SKU '(.*)' not found/i, /Product with SKU (\S+) not found/i],
  service: [/Courier Service '(.*)' not found/i, /Courier Service (\S+) not found/i],
  postcode: [/Invalid PostCode '(.*)' for Country '([^']*)'/i, /Invalid PostCode (\S+(?: \S+)?) for Country (\w+)/i],
  missing: [/^\W*([A-Za-z][A-Za-z0-9]*) is required/i],
};

function firstMatch(message: string, patterns: RegExp[]): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = pattern.exec(message);
    if (match) return match;
  }
  return null;
}

/** Turns the `Message` of a `Success: false` create result into a typed outcome. */
export function classifyRejection(message: string): NotCreated {
  const duplicate = firstMatch(message, PATTERNS.duplicate);
  if (duplicate) {
    const field = duplicate[1]?.toLowerCase() === 'ordernumber' ? 'OrderNumber' : 'ExternalOrderReference';
    return { kind: 'duplicate', field, value: duplicate[2] ?? '', message };
  }
  const sku = firstMatch(message, PATTERNS.sku);
  if (sku) return { kind: 'rejected', reason: 'UNKNOWN_SKU', message, sku: sku[1] ?? '' };
  const service = firstMatch(message, PATTERNS.service);
  if (service) return { kind: 'rejected', reason: 'UNKNOWN_SERVICE', message, service: service[1] ?? '' };
  const postcode = firstMatch(message, PATTERNS.postcode);
  if (postcode) {
    return { kind: 'rejected', reason: 'BAD_POSTCODE', message, postcode: postcode[1] ?? '', country: postcode[2] ?? '' };
  }
  const missing = firstMatch(message, PATTERNS.missing);
  if (missing) return { kind: 'rejected', reason: 'MISSING_FIELD', message, field: missing[1] ?? '' };
  return { kind: 'rejected', reason: 'OTHER', message };
}
