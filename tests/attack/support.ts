import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Db } from '@/lib/db/client';

/** Shared pieces of the attack suite (tests/attack): route discovery, refusal checks, DB fingerprints. */
export const APP = 'http://localhost:3000';
export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Every route handler under app/api as `METHOD /api/...` (file path with its [params]). */
export async function discoverRoutes(): Promise<Map<string, RouteHandler>> {
  const found = new Map<string, RouteHandler>();
  const apiDir = path.join(ROOT, 'app', 'api');
  const files = readdirSync(apiDir, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
  for (const file of files) {
    const mod = (await import(path.join(apiDir, file))) as Record<string, unknown>;
    const route = `/api/${path.dirname(file).split(path.sep).join('/')}`;
    for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const) {
      const handler = mod[method];
      if (typeof handler === 'function') found.set(`${method} ${route}`, handler as RouteHandler);
    }
  }
  return found;
}

/** Calls a route handler in-process with the given params, as Next would. */
export function call(handler: RouteHandler, method: Method, url: string, init: { headers?: Record<string, string>; body?: string | Uint8Array } = {}, params: Record<string, string> = {}) {
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : new Blob([new Uint8Array(init.body)]);
  return handler(new Request(url.startsWith('http') ? url : `${APP}${url}`, { method, headers: init.headers, body }), { params: Promise.resolve(params) });
}

/** Internals that must never reach a caller: stack frames, driver and ORM errors, SQL. */
const LEAKS = /\n\s+at |prisma|postgres|pglite|syntax error|invalid input syntax|stack depth|TypeError|ReferenceError|RangeError|SyntaxError|unexpected token|node_modules/i;

/**
 * A refusal: a 4xx (one of `statuses` when given) whose body is a short plain message, either
 * text/plain or JSON `{error: "..."}`, naming no internals.
 */
export async function expectRefused(response: Response, statuses?: readonly number[], label = ''): Promise<string> {
  const text = await response.text();
  const where = `${label} -> ${response.status} ${text.slice(0, 300)}`;
  expect(response.status, where).toBeGreaterThanOrEqual(400);
  expect(response.status, where).toBeLessThan(500);
  if (statuses) expect(statuses, where).toContain(response.status);
  const type = response.headers.get('content-type') ?? '';
  let message: string;
  if (type.includes('application/json')) {
    const body = JSON.parse(text) as { error?: unknown };
    expect(typeof body.error, where).toBe('string');
    message = String(body.error);
  } else {
    expect(type, where).toContain('text/plain');
    message = text.trim();
  }
  expect(message.length, where).toBeGreaterThan(0);
  expect(message.length, where).toBeLessThan(400);
  expect(text, where).not.toMatch(LEAKS);
  return message;
}

/**
 * Every table's rows, fingerprinted (count and a digest of the row text), so a test can assert
 * that an attack wrote, changed and deleted nothing. Session rows are taken by id only: their
 * lastSeenAt is touched by ordinary signed-in requests.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<Array<{ name: string }>>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const row = name === 'Session' ? `t.id::text` : `t::text`;
    const [digest] = await db.$queryRawUnsafe<Array<{ n: bigint | number; d: string }>>(
      `SELECT count(*) AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS d FROM "${name}" t`,
    );
    result[name] = `${String(digest?.n)}:${digest?.d}`;
  }
  return result;
}

/** Text of `depth` nested arrays around a value: `[[[...1...]]]`. */
export function nestedJson(depth: number, open = '[', close = ']', inner = '1'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

/** A syntactically valid JSON object of about `bytes` bytes. */
export function oversizedJson(bytes: number): string {
  return JSON.stringify({ padding: 'x'.repeat(bytes) });
}

/** The hostile bodies every JSON route is sent. */
export const HOSTILE_BODIES: ReadonlyArray<{ name: string; body: () => string; statuses: readonly number[] }> = [
  { name: 'oversized (2 MB)', body: () => oversizedJson(2 * 1024 * 1024), statuses: [413] },
  { name: 'malformed', body: () => '{"note": "unterminated', statuses: [400] },
  { name: 'not JSON at all', body: () => '<xml>nope</xml>', statuses: [400] },
  { name: 'empty', body: () => '', statuses: [400] },
  { name: 'deeply nested arrays (10,000 levels)', body: () => nestedJson(10_000), statuses: [400] },
  { name: 'deeply nested objects (10,000 levels)', body: () => nestedJson(10_000, '{"a":', '}', '1'), statuses: [400] },
  { name: 'nested under a known key', body: () => `{"note":${nestedJson(10_000)},"exceptionIds":${nestedJson(10_000)}}`, statuses: [400] },
  { name: 'JSON null', body: () => 'null', statuses: [400] },
];

/** Keys that would pollute Object.prototype if a parser or merge honoured them. */
export const PROTOTYPE_POLLUTION_BODY = '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}';

/** SQL and HTML/script payloads for free-text fields; each must come back byte for byte. */
export const SQL_PAYLOADS = [`Robert'); DROP TABLE "OrderSync";--`, `' OR '1'='1' --`, `x"; DELETE FROM "Store" WHERE ''='`] as const;
export const HTML_PAYLOADS = [`<script>window.__pwned=1</script>`, `<img src=x onerror="window.__pwned=1">`, `"><svg onload=window.__pwned=1>`] as const;

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
