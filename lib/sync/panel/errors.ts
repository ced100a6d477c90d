import { z } from 'zod';
import { jsonError } from '../../web/http';

/** Errors the panel's domain functions throw; routes turn them into 404 / 409 answers. */
export class PanelNotFoundError extends Error {
  override name = 'PanelNotFoundError';
}

export class PanelConflictError extends Error {
  override name = 'PanelConflictError';
}

/** The answer for a domain error, or null for anything else (rethrow it: withSession logs a 500). */
export function panelErrorResponse(error: unknown): Response | null {
  if (error instanceof PanelNotFoundError) return jsonError(404, error.message);
  if (error instanceof PanelConflictError) return jsonError(409, error.message);
  return null;
}

/** A route's `[id]`: anything but a UUID cannot name a row, so it is simply not found. */
export function routeId(params: Record<string, string | string[]>, name = 'id'): string {
  const parsed = z.uuid().safeParse(params[name]);
  if (!parsed.success) throw new PanelNotFoundError('Not found');
  return parsed.data;
}
