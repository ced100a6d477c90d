/** What every REST handler receives, plus V2/V3 paging helpers. */
import type { SandboxCore } from '../core';
import { intParam, json, noContent, v2Error, v3Error, type SandboxResponse } from '../http';
import type { StoreState } from '../model';
import type { Router } from '../router';
import type { LinkBase } from '../serialize';

export interface RestContext {
  core: SandboxCore;
  store: StoreState;
  method: string;
  /** Path after `/stores/{hash}`, e.g. `/v2/orders/100`. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  link: LinkBase;
  /** Set by write handlers so the error-after-commit fault only hits requests that changed state. */
  committed: boolean;
}

export type RestRouter = Router<RestContext>;

export interface Page {
  page: number;
  limit: number;
}

/** V2 paging: `page` from 1, `limit` default 50 and at most 250. */
export function v2Page(query: URLSearchParams, defaultLimit = 50): Page {
  const page = intParam(query, 'page');
  const limit = intParam(query, 'limit');
  if (page === null || (page !== undefined && page < 1)) throw v2Error(400, "The field 'page' must be a positive integer.");
  if (limit === null || (limit !== undefined && limit < 1)) throw v2Error(400, "The field 'limit' must be a positive integer.");
  return { page: page ?? 1, limit: Math.min(limit ?? defaultLimit, 250) };
}

/** V2 list response: an empty page is `204` with no body. */
export function v2List<T>(items: T[], page: Page, map: (item: T) => unknown): SandboxResponse {
  const slice = items.slice((page.page - 1) * page.limit, page.page * page.limit);
  if (slice.length === 0) return noContent();
  return json(200, slice.map(map));
}

export function v3Page(query: URLSearchParams, maxLimit: number, defaultLimit = 50): Page {
  const page = intParam(query, 'page');
  const limit = intParam(query, 'limit');
  if (page === null || (page !== undefined && page < 1)) throw v3Error(422, 'Invalid page', { page: 'page must be a positive integer' });
  if (limit === null || (limit !== undefined && limit < 1)) throw v3Error(422, 'Invalid limit', { limit: 'limit must be a positive integer' });
  return { page: page ?? 1, limit: Math.min(limit ?? defaultLimit, maxLimit) };
}

/** V3 list response with `meta.pagination`. */
export function v3List<T>(items: T[], page: Page, query: URLSearchParams, map: (item: T) => unknown): SandboxResponse {
  const slice = items.slice((page.page - 1) * page.limit, page.page * page.limit);
  const totalPages = Math.max(1, Math.ceil(items.length / page.limit));
  const linkFor = (target: number): string => {
    const params = new URLSearchParams(query);
    params.set('page', String(target));
    params.set('limit', String(page.limit));
    return `?${params.toString()}`;
  };
  const links: Record<string, string> = { current: linkFor(page.page) };
  if (page.page > 1) links.previous = linkFor(page.page - 1);
  if (page.page < totalPages) links.next = linkFor(page.page + 1);
  return json(200, {
    data: slice.map(map),
    meta: {
      pagination: {
        total: items.length,
        count: slice.length,
        per_page: page.limit,
        current_page: page.page,
        total_pages: totalPages,
        links,
      },
    },
  });
}

export function numericId(raw: string | undefined, notFound: () => Error): number {
  if (raw === undefined || !/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}
