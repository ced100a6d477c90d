/** Typed errors thrown by the BigCommerce REST client. */

const SNIPPET_LENGTH = 500;

export function bodySnippet(body: string | undefined): string | undefined {
  if (body === undefined || body.length === 0) return undefined;
  return body.length > SNIPPET_LENGTH ? `${body.slice(0, SNIPPET_LENGTH)}…` : body;
}

export interface BigCommerceErrorInit {
  /** HTTP status; undefined when no response arrived (network error, timeout). */
  status: number | undefined;
  method: string;
  path: string;
  body?: string;
  cause?: unknown;
}

export class BigCommerceError extends Error {
  readonly status: number | undefined;
  readonly method: string;
  readonly path: string;
  /** The start of the response body, for logs. */
  readonly bodySnippet: string | undefined;

  constructor(message: string, init: BigCommerceErrorInit) {
    super(`${init.method} ${init.path}: ${message}`, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'BigCommerceError';
    this.status = init.status;
    this.method = init.method;
    this.path = init.path;
    this.bodySnippet = bodySnippet(init.body);
  }
}

export type RetriableReason = 'rate-limited' | 'platform-load' | 'server-error' | 'network' | 'timeout';

/** Suggested wait after a 5xx, network error or timeout when nothing better is known. */
export const DEFAULT_RETRY_AFTER_MS = 1_000;

/**
 * 429, 5xx, network failures and timeouts: worth trying again after `retryAfterMs`.
 * Careful with POSTs after a timeout: the request may have been applied.
 */
export class BigCommerceRetriableError extends BigCommerceError {
  readonly reason: RetriableReason;
  readonly retryAfterMs: number;

  constructor(message: string, init: BigCommerceErrorInit & { reason: RetriableReason; retryAfterMs?: number }) {
    super(message, init);
    this.name = 'BigCommerceRetriableError';
    this.reason = init.reason;
    this.retryAfterMs = init.retryAfterMs ?? DEFAULT_RETRY_AFTER_MS;
  }
}

export class BigCommerceNotFoundError extends BigCommerceError {
  constructor(init: BigCommerceErrorInit) {
    super('not found', init);
    this.name = 'BigCommerceNotFoundError';
  }
}

/** 401/403: the token was revoked, the app uninstalled or a scope is missing. */
export class BigCommerceAuthError extends BigCommerceError {
  constructor(init: BigCommerceErrorInit) {
    super(`not authorised (${init.status ?? '?'})`, init);
    this.name = 'BigCommerceAuthError';
  }
}

export interface ValidationDetails {
  title: string | undefined;
  type: string | undefined;
  /** Field -> message, from a problem+json `errors` object (empty for plain 400s). */
  errors: Record<string, string>;
}

/** 400 or 422 (problem+json): the request was understood and refused; do not retry as is. */
export class BigCommerceValidationError extends BigCommerceError {
  readonly details: ValidationDetails;

  constructor(init: BigCommerceErrorInit & { details: ValidationDetails }) {
    const fields = Object.entries(init.details.errors)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ');
    super(`rejected (${init.status ?? '?'}) ${init.details.title ?? ''}${fields ? ` [${fields}]` : ''}`.trim(), init);
    this.name = 'BigCommerceValidationError';
    this.details = init.details;
  }
}

/** A 2xx response whose body does not have the shape the client relies on. */
export class BigCommerceUnexpectedResponseError extends BigCommerceError {
  readonly issues: string[];

  constructor(init: BigCommerceErrorInit & { issues: string[] }) {
    super(`unexpected response shape: ${init.issues.slice(0, 5).join('; ')}`, init);
    this.name = 'BigCommerceUnexpectedResponseError';
    this.issues = init.issues;
  }
}

/**
 * A chunked write failed part-way: the chunks listed in `completedTransactionIds` were accepted
 * by BigCommerce, the rest were not sent (or failed with `cause`).
 */
export class BigCommercePartialFailureError extends BigCommerceError {
  readonly completedTransactionIds: string[];

  constructor(init: BigCommerceErrorInit & { completedTransactionIds: string[]; cause: unknown }) {
    super(`failed after ${init.completedTransactionIds.length} accepted chunk(s)`, init);
    this.name = 'BigCommercePartialFailureError';
    this.completedTransactionIds = init.completedTransactionIds;
  }
}

export function isRetriableBigCommerceError(error: unknown): error is BigCommerceRetriableError {
  return error instanceof BigCommerceRetriableError;
}
