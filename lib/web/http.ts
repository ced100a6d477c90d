import { z } from 'zod';

/** Small response helpers shared by route handlers (plain Request/Response, no Next). */
export function textResponse(status: number, message: string): Response {
  return new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export function jsonError(status: number, message: string, details?: unknown): Response {
  return jsonResponse({ error: message, ...(details === undefined ? {} : { details }) }, status);
}

/** A redirect with a relative Location, so it works behind any proxy or host name. */
export function redirectResponse(location: string): Response {
  return new Response(null, { status: 302, headers: { location, 'cache-control': 'no-store' } });
}

/** A bad request: 400, or 413 when the body is too large. The message is shown to the caller as is. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
  constructor(
    message: string,
    readonly details?: unknown,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

/**
 * Largest JSON body any route accepts. The biggest legitimate one is a SKU rules save with 5,000
 * aliases at their longest (about 1.2 MB); webhook deliveries are a few hundred bytes.
 */
export const MAX_JSON_BODY_BYTES = 1_536 * 1024;
/** Deepest nesting any route accepts; real bodies nest 3 or 4 levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads a request body as UTF-8 text, refusing (413) one larger than `maxBytes` by its
 * Content-Length or, when that is absent or wrong, as soon as more than that has streamed in.
 */
export async function readBodyText(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const tooLarge = () => new BadRequestError(`The request body is too large (at most ${Math.floor(maxBytes / 1024)} KB)`, undefined, 413);
  const declared = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * How deeply `text` nests arrays and objects, counted without parsing (brackets inside strings
 * do not count); stops counting once past `limit`. Deep nesting costs recursion in every later
 * consumer (validation, Postgres jsonb), so it is refused before anything parses it.
 */
export function jsonNestingDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (char === 0x7d || char === 0x5d) depth -= 1;
  }
  return deepest;
}

/** JSON text to a value: 400 when it is not JSON or nests deeper than MAX_JSON_DEPTH. */
export function parseJsonText(text: string): unknown {
  if (jsonNestingDepth(text) > MAX_JSON_DEPTH) throw new BadRequestError(`The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError('The request body must be JSON');
  }
}

/**
 * Parses a JSON body with a zod schema; a body too large (413), too deeply nested, not JSON or
 * of the wrong shape (400) is refused with a plain message, never a 500.
 */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  return validate(schema, parseJsonText(await readBodyText(request)));
}

/** Parses a URL's query string with a schema (empty values count as absent); a bad query is a 400. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  const raw: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (value !== '') raw[key] = value;
  return validate(schema, raw);
}

function validate<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new BadRequestError(
      'The request is not valid',
      result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}
