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

export class BadRequestError extends Error {
  override name = 'BadRequestError';
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}

/** Parses a JSON body with a zod schema; bad JSON or a bad shape is a 400, never a 500. */
export async function parseJsonBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new BadRequestError('The request body must be JSON');
  }
  return validate(schema, raw);
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
