import { BigCommerceValidationError } from '../errors';
import type { RequestPriority } from '../rate-limiter';

export interface CallOptions {
  /** Customer-facing work goes `high`; background sync `low` (it leaves part of the window unused). */
  priority?: RequestPriority;
}

/** Input the client refuses before sending (it would be rejected by BigCommerce anyway). */
export function invalidInput(method: string, path: string, issues: { path: PropertyKey[]; message: string }[]): BigCommerceValidationError {
  const errors = Object.fromEntries(issues.map((issue) => [issue.path.map(String).join('.') || '(input)', issue.message]));
  return new BigCommerceValidationError({
    status: undefined,
    method,
    path,
    details: { title: 'invalid input, not sent', type: undefined, errors },
  });
}
