'use client';
import useSWR, { type SWRConfiguration } from 'swr';
import { currentSessionToken } from './session-token';

/** One fetcher for the whole panel: sends the session, throws on any non-OK answer. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = currentSessionToken();
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers, cache: 'no-store' });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = body as { error?: string; details?: unknown } | null;
    throw new ApiError(error?.error ?? `Request failed (HTTP ${response.status})`, response.status, error?.details);
  }
  return body as T;
}

/** Panel data is operational: always re-read when a page opens, never served from a stale cache. */
export function useApi<T>(path: string | null, config?: SWRConfiguration<T, ApiError>) {
  return useSWR<T, ApiError>(path, (key: string) => apiFetch<T>(key), { revalidateOnMount: true, dedupingInterval: 500, ...config });
}

export interface Me {
  store: { hash: string };
  user: { email: string };
  role: 'ADMIN' | 'OPS' | 'CX' | 'FINANCE';
  isOwner: boolean;
  setup: { whistl: { configured: boolean; lastTestOk: boolean | null } };
}

export function useMe() {
  return useApi<Me>('/api/me', { revalidateOnFocus: false });
}
