import { parseUkLocal } from '../../lib/whistl/uk-time';
import type { Query } from './http';

/** A malformed /api request: answered 400 with `{ Message }`, as Whistl does. */
export class ApiBadRequest extends Error {}

export function intParam(query: Query, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw new ApiBadRequest(`The value '${raw}' is not valid for ${name}.`);
  return Number(raw);
}

export function dateParam(query: Query, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === undefined) return undefined;
  const date = parseUkLocal(raw);
  if (!date) throw new ApiBadRequest(`The value '${raw}' is not valid for ${name}.`);
  return date.getTime();
}

export function boolParam(query: Query, name: string): boolean | undefined {
  const raw = query.get(name);
  if (raw === undefined) return undefined;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  throw new ApiBadRequest(`The value '${raw}' is not valid for ${name}.`);
}

export function requiredParam(query: Query, name: string): string {
  const raw = query.get(name);
  if (raw === undefined) throw new ApiBadRequest(`${name} is required`);
  return raw;
}

/** `PageNo` from 1 and `Limit` capped at 100 (silently, as an unwary client would not notice). */
export function paging(query: Query): { page: number; limit: number } {
  const page = intParam(query, 'PageNo') ?? 1;
  const limit = intParam(query, 'Limit') ?? 100;
  if (page < 1) throw new ApiBadRequest('PageNo starts at 1.');
  if (limit < 1) throw new ApiBadRequest('Limit must be at least 1.');
  return { page, limit: Math.min(limit, 100) };
}

export function pageOf<T>(items: T[], page: number, limit: number): T[] {
  return items.slice((page - 1) * limit, page * limit);
}
