import { z } from 'zod';
import { decryptSecret, encryptSecret } from '../crypto';
import type { DbClient } from '../db/types';
import { createWhistlClient } from '../whistl';

/**
 * A store's Whistl connection. Credentials are encrypted at rest and never leave the server:
 * the panel only learns whether a password or key is set.
 */
export const whistlConnectionInputSchema = z
  .object({
    baseUrl: z.url('Base URL must be a URL, e.g. https://api.mintsoft.co.uk').refine((u) => /^https?:\/\//.test(u), 'Base URL must use http or https'),
    authMode: z.enum(['password', 'apiKey']),
    username: z.string().trim().max(200).optional(),
    /** Omitted or empty: keep the stored one. */
    password: z.string().max(500).optional(),
    apiKey: z.string().trim().max(500).optional(),
    warehouseId: z.string().trim().max(50).optional(),
  })
  .strict();

export type WhistlConnectionInput = z.infer<typeof whistlConnectionInputSchema>;

export interface WhistlConnectionView {
  baseUrl: string;
  authMode: 'password' | 'apiKey';
  username: string | null;
  hasPassword: boolean;
  hasApiKey: boolean;
  warehouseId: string | null;
  lastTest: { at: string; ok: boolean; detail: string } | null;
}

export interface WhistlCredentials {
  baseUrl: string;
  username?: string;
  password?: string;
  apiKey?: string;
  warehouseId?: string;
}

export class WhistlConnectionInputError extends Error {
  override name = 'WhistlConnectionInputError';
}

const secretContext = (storeId: string, kind: 'password' | 'apiKey') => `whistl-${kind}:${storeId}`;

export async function getWhistlConnectionView(db: DbClient, storeId: string): Promise<WhistlConnectionView | null> {
  const row = await db.whistlConnection.findUnique({ where: { storeId } });
  if (!row) return null;
  return {
    baseUrl: row.baseUrl,
    authMode: row.apiKeyEnc ? 'apiKey' : 'password',
    username: row.username,
    hasPassword: Boolean(row.passwordEnc),
    hasApiKey: Boolean(row.apiKeyEnc),
    warehouseId: row.warehouseId,
    lastTest: row.lastTestedAt ? { at: row.lastTestedAt.toISOString(), ok: Boolean(row.lastTestOk), detail: row.lastTestDetail ?? '' } : null,
  };
}

export async function saveWhistlConnection(db: DbClient, storeId: string, input: WhistlConnectionInput): Promise<WhistlConnectionView> {
  const existing = await db.whistlConnection.findUnique({ where: { storeId } });
  let passwordEnc: string | null = null;
  let apiKeyEnc: string | null = null;
  let username: string | null = null;
  if (input.authMode === 'password') {
    username = input.username || null;
    if (!username) throw new WhistlConnectionInputError('Enter the Whistl username');
    passwordEnc = input.password ? encryptSecret(input.password, secretContext(storeId, 'password')) : (existing?.passwordEnc ?? null);
    if (!passwordEnc) throw new WhistlConnectionInputError('Enter the Whistl password');
  } else {
    apiKeyEnc = input.apiKey ? encryptSecret(input.apiKey, secretContext(storeId, 'apiKey')) : (existing?.apiKeyEnc ?? null);
    if (!apiKeyEnc) throw new WhistlConnectionInputError('Enter the Whistl API key');
  }
  const data = {
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    username,
    passwordEnc,
    apiKeyEnc,
    warehouseId: input.warehouseId || null,
    // New credentials make the last test result meaningless.
    lastTestedAt: null,
    lastTestOk: null,
    lastTestDetail: null,
  };
  await db.whistlConnection.upsert({ where: { storeId }, create: { storeId, ...data }, update: data });
  const view = await getWhistlConnectionView(db, storeId);
  if (!view) throw new Error('Whistl connection vanished after saving');
  return view;
}

export async function loadWhistlCredentials(db: DbClient, storeId: string): Promise<WhistlCredentials | null> {
  const row = await db.whistlConnection.findUnique({ where: { storeId } });
  if (!row) return null;
  return {
    baseUrl: row.baseUrl,
    username: row.username ?? undefined,
    password: row.passwordEnc ? decryptSecret(row.passwordEnc, secretContext(storeId, 'password')) : undefined,
    apiKey: row.apiKeyEnc ? decryptSecret(row.apiKeyEnc, secretContext(storeId, 'apiKey')) : undefined,
    warehouseId: row.warehouseId ?? undefined,
  };
}

/** What "Test connection" needs from a Whistl client: log in and list the warehouses. */
export interface WhistlConnectionProbe {
  listWarehouses(): Promise<Array<{ id: number; name: string; code?: string | null }>>;
}

export interface ConnectionTestResult {
  ok: boolean;
  detail: string;
  warehouses: Array<{ id: number; name: string; code?: string | null }>;
}

export async function testWhistlConnection(
  db: DbClient,
  storeId: string,
  makeClient: (credentials: WhistlCredentials) => WhistlConnectionProbe,
  now: Date = new Date(),
): Promise<ConnectionTestResult> {
  const credentials = await loadWhistlCredentials(db, storeId);
  if (!credentials) return { ok: false, detail: 'No Whistl connection is saved yet.', warehouses: [] };
  let result: ConnectionTestResult;
  try {
    const warehouses = await makeClient(credentials).listWarehouses();
    const configured = credentials.warehouseId;
    if (configured && !warehouses.some((w) => String(w.id) === configured)) {
      result = {
        ok: false,
        detail: `Connected, but warehouse ${configured} is not one of this account's warehouses (${warehouses.map((w) => `${w.id} ${w.name}`).join(', ') || 'none'}).`,
        warehouses,
      };
    } else if (!configured) {
      result = { ok: false, detail: `Connected. Choose the warehouse orders go to (${warehouses.length} available).`, warehouses };
    } else {
      const name = warehouses.find((w) => String(w.id) === configured)?.name ?? configured;
      result = { ok: true, detail: `Connected to Whistl; orders will go to warehouse ${name}.`, warehouses };
    }
  } catch (error) {
    result = { ok: false, detail: error instanceof Error ? error.message : String(error), warehouses: [] };
  }
  await db.whistlConnection.update({
    where: { storeId },
    data: { lastTestedAt: now, lastTestOk: result.ok, lastTestDetail: result.detail.slice(0, 1000) },
  });
  return result;
}

/** The real client behind "Test connection": a short timeout, since a person is waiting. */
export function whistlProbeFor(credentials: WhistlCredentials): WhistlConnectionProbe {
  return createWhistlClient({
    baseUrl: credentials.baseUrl,
    apiKey: credentials.apiKey,
    username: credentials.username,
    password: credentials.password,
    timeoutMs: 10_000,
    retry: { maxRetries: 0 },
  });
}
