import type { z } from 'zod';
import { backoffDelayMs, parseRetryAfter, sleep, type RetryPolicy } from './backoff';
import {
  WhistlAuthError,
  WhistlBadRequestError,
  WhistlError,
  WhistlRetriableError,
  WhistlTimeoutError,
  type WhistlErrorDetails,
} from './errors';
import type { ConcurrencyLimiter } from './limiter';
import { formatUkLocal } from './uk-time';
import { apiKeyResponse, badRequestDetail } from './wire';

export type QueryValue = string | number | boolean | Date | undefined;

export interface RequestSpec<T> {
  method: 'GET' | 'PUT' | 'POST';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  /** Only idempotent requests are retried automatically (and never `PUT /api/Order`). */
  idempotent: boolean;
}

export interface TransportConfig {
  baseUrl: string;
  apiKey?: string;
  username?: string;
  password?: string;
  timeoutMs: number;
  fetch: typeof fetch;
  limiter: ConcurrencyLimiter;
  retry: RetryPolicy;
}

/** A 401 before the re-login decision is made; never escapes the transport. */
class Unauthorised extends WhistlError {}

const API_KEY_HEADER = 'ms-apikey';

/**
 * Sends requests to Whistl: `ms-apikey` auth with one re-login on 401, a timeout on every
 * call, the per-account concurrency cap, status-to-error mapping, and capped jittered
 * retries for idempotent requests. Responses are parsed with the given zod schema.
 */
export class WhistlTransport {
  private apiKey: string | undefined;
  private login: Promise<string> | undefined;
  private readonly baseUrl: string;

  constructor(private readonly config: TransportConfig) {
    this.apiKey = config.apiKey;
    this.baseUrl = config.baseUrl.replace(/\/+$/, '');
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.authorised(spec);
      } catch (error) {
        if (!spec.idempotent || !(error instanceof WhistlRetriableError) || attempt >= this.config.retry.maxRetries) {
          throw error;
        }
        const delay = error.retryAfterMs ?? backoffDelayMs(attempt, this.config.retry);
        if (delay > this.config.retry.maxRetryAfterMs) throw error;
        await sleep(delay);
      }
    }
  }

  private get canLogin(): boolean {
    return Boolean(this.config.username && this.config.password);
  }

  private async authorised<T>(spec: RequestSpec<T>): Promise<T> {
    const key = await this.currentKey();
    try {
      return await this.send(spec, key);
    } catch (error) {
      if (!(error instanceof Unauthorised)) throw error;
      if (!this.canLogin) {
        throw new WhistlAuthError('the API key was refused (401) and no username/password is configured', detailsOf(error));
      }
    }
    const fresh = await this.refreshKey(key);
    try {
      return await this.send(spec, fresh);
    } catch (error) {
      if (error instanceof Unauthorised) {
        throw new WhistlAuthError('a fresh API key was refused (401) right after logging in', detailsOf(error));
      }
      throw error;
    }
  }

  private async currentKey(): Promise<string> {
    if (this.apiKey) return this.apiKey;
    if (!this.canLogin) throw new WhistlAuthError('no API key or username/password is configured');
    return this.refreshKey(undefined);
  }

  /** Logs in once for all concurrent callers; a caller whose key was already replaced just uses the new one. */
  private async refreshKey(staleKey: string | undefined): Promise<string> {
    if (this.apiKey && this.apiKey !== staleKey) return this.apiKey;
    if (!this.login) {
      this.login = this.logIn().finally(() => {
        this.login = undefined;
      });
    }
    return this.login;
  }

  private async logIn(): Promise<string> {
    const spec: RequestSpec<string> = {
      method: 'POST',
      path: '/api/Auth',
      body: { Username: this.config.username, Password: this.config.password },
      schema: apiKeyResponse,
      idempotent: false,
    };
    try {
      const key = await this.send(spec, undefined);
      this.apiKey = key;
      return key;
    } catch (error) {
      if (error instanceof Unauthorised || error instanceof WhistlBadRequestError || (error instanceof WhistlError && error.status === 403)) {
        throw new WhistlAuthError('login with the username and password was refused', detailsOf(error));
      }
      throw error;
    }
  }

  private send<T>(spec: RequestSpec<T>, apiKey: string | undefined): Promise<T> {
    return this.config.limiter.run(() => this.sendNow(spec, apiKey));
  }

  private async sendNow<T>(spec: RequestSpec<T>, apiKey: string | undefined): Promise<T> {
    const url = this.urlFor(spec);
    const where: WhistlErrorDetails = { method: spec.method, path: spec.path };
    const headers: Record<string, string> = { accept: 'application/json' };
    if (apiKey) headers[API_KEY_HEADER] = apiKey;
    if (spec.body !== undefined) headers['content-type'] = 'application/json';

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs);
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const response = await this.config.fetch(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
      });
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      text = await response.text();
    } catch (cause) {
      const outcomeUnknown = !spec.idempotent;
      if (controller.signal.aborted) throw new WhistlTimeoutError(this.config.timeoutMs, { ...where, cause, outcomeUnknown });
      const reason = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
      throw new WhistlRetriableError(`Could not reach Whistl: ${reason}`, { ...where, cause, outcomeUnknown });
    } finally {
      clearTimeout(timer);
    }

    // A successful body may hold addresses or the API key: it is never copied into an error.
    if (status >= 200 && status < 300) return parseBody(spec.schema, text, { ...where, status });
    const details: WhistlErrorDetails = { ...where, status, body: text };
    if (status === 401) throw new Unauthorised('Whistl answered 401', details);
    if (status === 400) throw new WhistlBadRequestError(badRequestDetail(text), details);
    if (status === 429) {
      throw new WhistlRetriableError('Whistl is throttling requests (429)', {
        ...details,
        retryAfterMs: parseRetryAfter(retryAfter),
      });
    }
    if (status >= 500) {
      throw new WhistlRetriableError(`Whistl server error (${status})`, { ...details, outcomeUnknown: !spec.idempotent });
    }
    throw new WhistlError(`Whistl answered ${status} to ${spec.method} ${spec.path}`, details);
  }

  private urlFor(spec: RequestSpec<unknown>): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(spec.query ?? {})) {
      if (value === undefined) continue;
      params.set(name, value instanceof Date ? formatUkLocal(value) : String(value));
    }
    const search = params.toString();
    return `${this.baseUrl}${spec.path}${search ? `?${search}` : ''}`;
  }
}

function parseBody<T>(schema: z.ZodType<T>, text: string, details: WhistlErrorDetails): T {
  let json: unknown;
  try {
    json = text === '' ? null : JSON.parse(text);
  } catch (cause) {
    throw new WhistlError('Whistl returned a body that is not JSON', { ...details, cause });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new WhistlError(`Unexpected response shape from Whistl${where}: ${issue?.message ?? 'invalid'}`, {
    ...details,
    cause: parsed.error,
  });
}

function detailsOf(error: WhistlError): WhistlErrorDetails {
  return { status: error.status, body: error.bodySnippet, method: error.method, path: error.path };
}
