/** Small HTTP plumbing shared by the REST, OAuth and control handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface SandboxResponse {
  status: number;
  /** Serialised as JSON unless undefined (then no body at all). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

/** A handler-level failure that maps onto one HTTP response. */
export class HttpError extends Error {
  readonly response: SandboxResponse;
  constructor(response: SandboxResponse, message?: string) {
    super(message ?? `HTTP ${response.status}`);
    this.response = response;
  }
}

/** V2 errors are arrays of `{status, message}`. */
export function v2Error(status: number, message: string, details?: Record<string, unknown>): HttpError {
  return new HttpError({ status, body: [{ status, message, ...(details ? { details } : {}) }] }, message);
}

const PROBLEM_TYPE = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

/** V3 errors are `{status, title, type, errors}` (problem+json on some endpoints). */
export function v3Error(status: number, title: string, errors: Record<string, string> = {}, problemJson = false): HttpError {
  return new HttpError(
    {
      status,
      body: { status, title, type: PROBLEM_TYPE, errors },
      ...(problemJson ? { contentType: 'application/problem+json' } : {}),
    },
    title,
  );
}

export function json(status: number, body: unknown): SandboxResponse {
  return { status, body };
}

export function noContent(): SandboxResponse {
  return { status: 204 };
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Reads the raw request body (bounded). */
export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError({ status: 413, body: { error: 'Request body too large' } });
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a JSON body; undefined for an empty body, `HttpError` 400 for malformed JSON. */
export function parseJsonBody(raw: string, malformed: () => HttpError): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw malformed();
  }
}

export function writeResponse(res: ServerResponse, response: SandboxResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  if (response.body === undefined || response.status === 204) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const payload = JSON.stringify(response.body);
  headers['content-type'] = response.contentType ?? 'application/json';
  headers['content-length'] = String(Buffer.byteLength(payload));
  res.writeHead(response.status, headers);
  res.end(payload);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a positive integer query parameter; `undefined` if absent, `null` if malformed. */
export function intParam(query: URLSearchParams, name: string): number | undefined | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

/** Comma-separated list parameter (`sku:in=a,b`). */
export function listParam(query: URLSearchParams, name: string): string[] | undefined {
  const values = query.getAll(name);
  if (values.length === 0) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
