'use client';
import { ApiError } from '@/lib/client/api';
import { currentSessionToken } from '@/lib/client/session-token';

/**
 * Downloads a CSV from a panel API route. The session is a bearer token (not a cookie), so a plain
 * link cannot carry it: fetch with the token, then save the answer under the server's file name.
 */
export async function downloadCsv(path: string): Promise<string> {
  const token = currentSessionToken();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ApiError(body?.error ?? `Download failed (HTTP ${response.status})`, response.status);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'reconciliation.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return fileName;
}
