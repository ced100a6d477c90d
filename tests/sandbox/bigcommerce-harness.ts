/** Test harness for the BigCommerce simulator: a running sandbox with one installed store. */
import { startBigCommerceSandbox, type BigCommerceSandbox, type BigCommerceSandboxOptions, type SeedStoreRequest } from '@/sandbox/bigcommerce';

export const CLIENT_ID = 'sandbox-test-client';
export const CLIENT_SECRET = 'sandbox-test-secret-0123456789';
export const APP_URL = 'http://localhost:3999';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: unknown;
  text: string;
}

export interface InstalledStore {
  sandbox: BigCommerceSandbox;
  hash: string;
  token: string;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  close(): Promise<void>;
}

export async function request(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const response = await fetch(url, {
    method,
    headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown), text };
}

/** Installs the app on a store through the real OAuth code exchange and returns its token. */
export async function install(sandbox: BigCommerceSandbox, hash: string, scope?: string): Promise<string> {
  const code = sandbox.control.issueInstallCode(hash, scope ? { scope } : {});
  const response = await request(`${sandbox.url}/oauth2/token`, 'POST', {
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
    redirect_uri: `${APP_URL}/api/app/auth`,
    grant_type: 'authorization_code',
    code: code.code,
    scope: code.scope,
    context: code.context,
  });
  if (response.status !== 200) throw new Error(`install failed: ${response.status} ${response.text}`);
  const body = response.body as { access_token: string };
  return body.access_token;
}

export async function startInstalledStore(
  seed: SeedStoreRequest = {},
  options: Partial<BigCommerceSandboxOptions> = {},
): Promise<InstalledStore> {
  const sandbox = await startBigCommerceSandbox({
    port: 0,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    appUrl: APP_URL,
    inventoryDelayMs: 50,
    ...options,
  });
  const { hash } = sandbox.control.seedStore({ hash: 'teststore1', ...seed });
  const token = await install(sandbox, hash);
  return {
    sandbox,
    hash,
    token,
    api: (method, path, body, headers = {}) =>
      request(`${sandbox.storeUrl(hash)}${path}`, method, body, { 'x-auth-token': token, ...headers }),
    close: () => sandbox.close(),
  };
}

/** Order placement shorthand: one UK address, lines by SKU. */
export function ukAddress(shippingMethod = 'Royal Mail Tracked 48', zip = 'SW1A 2AA') {
  return {
    first_name: 'Ada',
    last_name: 'Lovelace',
    street_1: '12 Example Road',
    city: 'London',
    zip,
    country: 'United Kingdom',
    country_iso2: 'GB',
    email: 'ada@example.co.uk',
    shippingMethod,
  };
}

export const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/;

export function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`expected an object, got ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function asArray(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error(`expected an array, got ${JSON.stringify(value)}`);
  return value;
}

export function recordsOf(value: unknown): Record<string, unknown>[] {
  return asArray(value).map(asRecord);
}
