/**
 * The one place that talks HTTP to BigCommerce: URL building, auth headers, timeout, the store's
 * rate limiter, error classification and automatic retries of idempotent requests.
 */
import {
  BigCommerceAuthError,
  BigCommerceError,
  BigCommerceNotFoundError,
  BigCommerceRetriableError,
  BigCommerceUnexpectedResponseError,
  BigCommerceValidationError,
  type BigCommerceErrorInit,
} from './errors';
import { parseValidationDetails } from './problem-details';
import { readRateLimitHeaders, type RequestPriority, type StoreRateLimiter } from './rate-limiter';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type QueryValue = string | number | boolean | undefined;

export interface ApiRequest {
  method: HttpMethod;
  /** Path after `/stores/{hash}`, e.g. `/v2/orders/100/shipments`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  priority?: RequestPriority;
  /** Whether a failed attempt may be repeated automatically. Default: every method but POST. */
  idempotent?: boolean;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body (e.g. V2's 204). */
  body: unknown;
}

export interface RetryPolicy {
  /** Total attempts for idempotent requests (and for any request refused with a 429), including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000 };

export interface TransportConfig {
  storeHash: string;
  accessToken: string;
  baseUrl: string;
  timeoutMs: number;
  fetch: typeof fetch;
  rateLimiter: StoreRateLimiter;
  retry: RetryPolicy;
}

export interface Transport {
  send(request: ApiRequest): Promise<ApiResponse>;
  /** Attempts repeated after a retriable failure, by this client. */
  retries(): number;
}

function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  const parts = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    // `:` and `,` are legal in a query and BigCommerce's own docs write `sku:in=a,b` unescaped.
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`.replace(/%3A/gi, ':').replace(/%2C/gi, ','));
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

export function buildUrl(baseUrl: string, storeHash: string, path: string, query?: Record<string, QueryValue>): string {
  return `${baseUrl.replace(/\/+$/, '')}/stores/${encodeURIComponent(storeHash)}${path}${encodeQuery(query)}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Jittered exponential back-off: random in [c/2, c] where c = min(cap, base * 2^(attempt-1)). */
export function backoffDelayMs(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function parseJson(text: string, init: BigCommerceErrorInit): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BigCommerceUnexpectedResponseError({ ...init, issues: ['body is not JSON'] });
  }
}

function classifyFailure(status: number, headers: Headers, text: string, init: BigCommerceErrorInit, limiter: StoreRateLimiter): BigCommerceError {
  if (status === 404) return new BigCommerceNotFoundError(init);
  if (status === 401 || status === 403) return new BigCommerceAuthError(init);
  if (status === 400 || status === 422) {
    return new BigCommerceValidationError({ ...init, details: parseValidationDetails(text) });
  }
  if (status === 429) {
    const limits = readRateLimitHeaders(headers);
    const withHeaders = limits.requestsLeft !== undefined || limits.timeResetMs !== undefined;
    return new BigCommerceRetriableError(withHeaders ? 'rate limited' : 'rate limited by platform load', {
      ...init,
      reason: withHeaders ? 'rate-limited' : 'platform-load',
      retryAfterMs: Math.max(limiter.pauseRemainingMs(), limits.timeResetMs ?? 0),
    });
  }
  if (status >= 500) return new BigCommerceRetriableError(`server error ${status}`, { ...init, reason: 'server-error' });
  return new BigCommerceError(`unexpected status ${status}`, init);
}

export function createTransport(config: TransportConfig): Transport {
  let retries = 0;
  const fetchImpl = config.fetch;

  async function attempt(request: ApiRequest): Promise<ApiResponse> {
    const url = buildUrl(config.baseUrl, config.storeHash, request.path, request.query);
    const init: BigCommerceErrorInit = { status: undefined, method: request.method, path: request.path };
    const headers: Record<string, string> = { 'X-Auth-Token': config.accessToken, Accept: 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';

    await config.rateLimiter.acquire(request.priority ?? 'normal');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs);
    let response: Response | undefined;
    let text = '';
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (controller.signal.aborted) {
        throw new BigCommerceRetriableError(`timed out after ${config.timeoutMs} ms`, { ...init, status: response?.status, reason: 'timeout', cause: error });
      }
      throw new BigCommerceRetriableError('network error', { ...init, reason: 'network', cause: error });
    } finally {
      clearTimeout(timer);
      config.rateLimiter.release(response?.status, response?.headers);
    }

    const failedInit = { ...init, status: response.status, body: text };
    if (response.status < 200 || response.status >= 300) {
      throw classifyFailure(response.status, response.headers, text, failedInit, config.rateLimiter);
    }
    return { status: response.status, headers: response.headers, body: parseJson(text, failedInit) };
  }

  async function send(request: ApiRequest): Promise<ApiResponse> {
    const idempotent = request.idempotent ?? request.method !== 'POST';
    const maxAttempts = Math.max(1, config.retry.maxAttempts);
    for (let attemptNo = 1; ; attemptNo += 1) {
      try {
        return await attempt(request);
      } catch (error) {
        if (!(error instanceof BigCommerceRetriableError) || attemptNo >= maxAttempts) throw error;
        // A 429 is refused before anything is done, so even a POST may go again; a POST that
        // failed any other way may have taken effect, and only its caller can check.
        const throttled = error.reason === 'rate-limited' || error.reason === 'platform-load';
        if (!idempotent && !throttled) throw error;
        retries += 1;
        // After a 429 the shared limiter already holds every request until the window resets.
        if (!throttled) await sleep(backoffDelayMs(config.retry, attemptNo));
      }
    }
  }

  return { send, retries: () => retries };
}
