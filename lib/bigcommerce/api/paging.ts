/** Paging over V2 (`page`/`limit`, a short page or a 204 ends it) and V3 (`meta.pagination`) lists. */
import { z } from 'zod';
import type { ApiRequest, QueryValue, Transport } from './http';
import { parseResponse } from './parse';
import type { RequestPriority } from './rate-limiter';
import { v3CollectionSchema, type V3Pagination } from './wire/common';

export const V2_MAX_LIMIT = 250;

/** GET of one V2 list page; `204 No Content` (or an empty body) is an empty list. */
export async function getV2List<S extends z.ZodType>(
  transport: Transport,
  request: Omit<ApiRequest, 'method'>,
  item: S,
): Promise<z.output<S>[]> {
  const fullRequest: ApiRequest = { ...request, method: 'GET' };
  const response = await transport.send(fullRequest);
  if (response.status === 204 || response.body === undefined) return [];
  return parseResponse(z.array(item), response, fullRequest);
}

/** Every item of a V2 list, page by page; stops on a page shorter than `limit` (204 included). */
export async function* iterateV2<S extends z.ZodType>(
  transport: Transport,
  request: { path: string; query?: Record<string, QueryValue>; priority?: RequestPriority },
  item: S,
  limit = V2_MAX_LIMIT,
  firstPage = 1,
): AsyncGenerator<z.output<S>> {
  for (let page = firstPage; ; page += 1) {
    const items = await getV2List(transport, { ...request, query: { ...request.query, page, limit } }, item);
    yield* items;
    if (items.length < limit) return;
  }
}

export interface V3Page<T> {
  data: T[];
  pagination: V3Pagination | undefined;
}

export async function getV3Page<S extends z.ZodType>(
  transport: Transport,
  request: Omit<ApiRequest, 'method'>,
  item: S,
): Promise<V3Page<z.output<S>>> {
  const fullRequest: ApiRequest = { ...request, method: 'GET' };
  const response = await transport.send(fullRequest);
  if (response.status === 204 || response.body === undefined) return { data: [], pagination: undefined };
  const page = parseResponse(v3CollectionSchema(item), response, fullRequest);
  return { data: page.data, pagination: page.pagination };
}

/** Every item of a V3 list, following `meta.pagination` until `current_page >= total_pages`. */
export async function* iterateV3<S extends z.ZodType>(
  transport: Transport,
  request: { path: string; query?: Record<string, QueryValue>; priority?: RequestPriority },
  item: S,
  limit = 250,
): AsyncGenerator<z.output<S>> {
  for (let page = 1; ; page += 1) {
    const result = await getV3Page(transport, { ...request, query: { ...request.query, page, limit } }, item);
    yield* result.data;
    const pagination = result.pagination;
    if (!pagination || result.data.length === 0 || pagination.currentPage >= pagination.totalPages) return;
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}
