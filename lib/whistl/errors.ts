/**
 * Typed errors raised by the Whistl client. Callers branch on the class, never on message text.
 *
 * Hierarchy:
 *   WhistlError                 any failure talking to Whistl (status and a body snippet when known)
 *   ├─ WhistlAuthError          401 after the single re-login, or the login itself was refused
 *   ├─ WhistlBadRequestError    400: Whistl rejected the request as malformed
 *   └─ WhistlRetriableError     429, 5xx, network failures: safe to try again later
 *      └─ WhistlTimeoutError    no response within the client timeout
 */

const SNIPPET_LENGTH = 300;

export function bodySnippet(body: string | undefined): string | undefined {
  if (body === undefined || body === '') return undefined;
  return body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH)}…` : body;
}

export interface WhistlErrorDetails {
  status?: number;
  body?: string;
  method?: string;
  path?: string;
  cause?: unknown;
}

export class WhistlError extends Error {
  override readonly name: string = 'WhistlError';
  readonly status?: number;
  /** The start of an error response's body. Never the request, nor a successful body (addresses, keys). */
  readonly bodySnippet?: string;
  readonly method?: string;
  readonly path?: string;

  constructor(message: string, details: WhistlErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.bodySnippet = bodySnippet(details.body);
    this.method = details.method;
    this.path = details.path;
  }
}

/** The key was refused and re-authenticating (at most once) did not help. Not retriable: fix the credentials. */
export class WhistlAuthError extends WhistlError {
  override readonly name: string = 'WhistlAuthError';

  constructor(detail: string, details: WhistlErrorDetails = {}) {
    super(detail === '' ? 'Whistl credentials rejected' : `Whistl credentials rejected: ${detail}`, details);
  }
}

/** 400: the request itself was malformed. `detail` is Whistl's plain-string or `{Message}` body. */
export class WhistlBadRequestError extends WhistlError {
  override readonly name: string = 'WhistlBadRequestError';
  readonly detail: string;

  constructor(detail: string, details: WhistlErrorDetails = {}) {
    super(`Whistl rejected the request: ${detail}`, details);
    this.detail = detail;
  }
}

export interface WhistlRetriableDetails extends WhistlErrorDetails {
  /** From `Retry-After` (seconds) on a 429, in milliseconds. */
  retryAfterMs?: number;
  /**
   * True when the request may have been applied although no success reached us: a timeout,
   * a dropped connection or a 5xx on a request that changes state (e.g. `PUT /api/Order`).
   */
  outcomeUnknown?: boolean;
}

/**
 * Throttling (429), a server error (5xx) or a network failure. The client already retried
 * idempotent GETs a few times; anything else is for the caller's job queue to retry later.
 *
 * When `outcomeUnknown` is true the request may have been committed: for `createOrder`, search
 * for the order (`searchOrdersByNumber`) before creating it again.
 */
export class WhistlRetriableError extends WhistlError {
  override readonly name: string = 'WhistlRetriableError';
  readonly retryAfterMs?: number;
  readonly outcomeUnknown: boolean;

  constructor(message: string, details: WhistlRetriableDetails = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
    this.outcomeUnknown = details.outcomeUnknown ?? false;
  }
}

/**
 * No response arrived within the client timeout.
 *
 * For `createOrder` the outcome is UNKNOWN: Whistl may have committed the order and only the
 * response was lost. The caller MUST call `searchOrdersByNumber` (and adopt the order if found)
 * before creating it again, or it risks a duplicate shipment. `outcomeUnknown` is always true
 * for a request that changes state.
 */
export class WhistlTimeoutError extends WhistlRetriableError {
  override readonly name: string = 'WhistlTimeoutError';
  readonly timeoutMs: number;

  constructor(timeoutMs: number, details: WhistlRetriableDetails = {}) {
    super(`Whistl did not answer within ${timeoutMs} ms`, details);
    this.timeoutMs = timeoutMs;
  }
}
