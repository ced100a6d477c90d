/**
 * The BigCommerce simulator's HTTP server: `/stores/{hash}/v2|v3/...` (REST, per-store token,
 * quota and faults), `POST /oauth2/token` (install flow) and `/_sandbox/...` (control API).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleGraphql } from './app-extensions';
import { SandboxControl } from './control';
import { handleControl } from './control-http';
import { settleBackground, type SandboxCore } from './core';
import { HttpError, json, parseJsonBody, readRawBody, sleep, v2Error, v3Error, writeResponse, type SandboxResponse } from './http';
import type { Quota, StoreState } from './model';
import { exchangeToken } from './oauth';
import { rateHeaders, takeRequest } from './rate-limit';
import { Router } from './router';
import { missingScope } from './scopes';
import type { RestContext } from './routes/context';
import { registerCatalogRoutes } from './routes/catalog';
import { registerHookRoutes } from './routes/hooks';
import { registerInventoryRoutes } from './routes/inventory';
import { registerOrderRoutes } from './routes/orders';
import { registerShippingRoutes } from './routes/shipping';

export interface BigCommerceSandboxOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  /** Where the app lives: `redirect_uri` must be `{appUrl}/api/app/auth`; callback URLs are built from it. */
  appUrl?: string;
  /** Default per-store quota (150 requests per 30 000 ms). */
  defaultQuota?: Quota;
  /** Delay before inventory adjustments are applied (default 300 ms). */
  inventoryDelayMs?: number;
  /** Webhook delivery timeout (default 5 000 ms). */
  webhookTimeoutMs?: number;
  /**
   * Delays between retries of a failed delivery (default: the platform's 60 s, 3, 5, 10, 15, 30 min,
   * 1, 2, 6, 14, 24 h); when the last retry fails the hook is deactivated.
   */
  webhookRetryDelaysMs?: readonly number[];
  now?: () => number;
  /** Randomness for fault knobs (default Math.random); inject a seeded one for reproducible runs. */
  random?: () => number;
}

export interface BigCommerceSandbox {
  /** Base URL, e.g. `http://127.0.0.1:4010`; the token endpoint is `{url}/oauth2/token`. */
  url: string;
  port: number;
  /** `{url}/stores/{hash}`: the REST base for one store (append `/v2/...` or `/v3/...`). */
  storeUrl(hash: string): string;
  control: SandboxControl;
  close(): Promise<void>;
}

function buildRouter(): Router<RestContext> {
  const router = new Router<RestContext>();
  registerOrderRoutes(router);
  registerShippingRoutes(router);
  registerCatalogRoutes(router);
  registerInventoryRoutes(router);
  registerHookRoutes(router);
  return router;
}

const restRouter = buildRouter();

const MINUTE = 60_000;
const PLATFORM_RETRY_DELAYS_MS = [1, 3, 5, 10, 15, 30, 60, 120, 360, 840, 1440].map((minutes) => minutes * MINUTE);

function errorFor(version: string, status: number, message: string): SandboxResponse {
  return (version === 'v2' ? v2Error(status, message) : v3Error(status, message)).response;
}

function countCall(store: StoreState, key: string): void {
  store.stats.calls.set(key, (store.stats.calls.get(key) ?? 0) + 1);
}

async function handleRest(core: SandboxCore, req: IncomingMessage, url: URL, match: RegExpExecArray): Promise<SandboxResponse> {
  const [, hash = '', version = 'v3', rest = ''] = match;
  const store = core.stores.get(hash);
  if (!store) return errorFor(version, 404, `Store ${hash} not found`);
  const method = (req.method ?? 'GET').toUpperCase();
  const path = `/${version}${rest}`;
  const route = restRouter.match(method, path);
  const template = route && route !== 'method' ? route.route.template : '(unmatched)';
  countCall(store, `${method} ${template}`);

  const decision = takeRequest(store, core.now());
  if (!decision.allowed) {
    store.stats.served429 += 1;
    return { status: 429, body: { status: 429, title: 'Too many requests', type: 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes' }, headers: decision.headers };
  }
  const withHeaders = (response: SandboxResponse): SandboxResponse => ({
    ...response,
    headers: { ...rateHeaders(store, core.now()), ...(response.headers ?? {}) },
  });

  const token = req.headers['x-auth-token'];
  if (!store.accessToken || typeof token !== 'string' || token !== store.accessToken.token) {
    store.stats.unauthorized += 1;
    return withHeaders(errorFor(version, 401, 'You are not authorized to access this store (missing or invalid X-Auth-Token).'));
  }
  const missing = missingScope(method, path, store.accessToken.scope);
  if (missing) {
    return withHeaders(errorFor(version, 403, `You don't have a required scope to access the endpoint (needs ${missing}).`));
  }
  if (store.faults.latencyMs > 0) await sleep(store.faults.latencyMs);
  if (route === undefined) return withHeaders(errorFor(version, 404, `No route for ${method} ${path}`));
  if (route === 'method') return withHeaders(errorFor(version, 405, `Method ${method} is not allowed on ${path}`));
  if (core.random() < store.faults.errorRate) {
    store.stats.injectedErrors += 1;
    const status = [500, 502, 503][Math.floor(core.random() * 3)] ?? 500;
    return withHeaders(errorFor(version, status, 'Injected server error (sandbox fault).'));
  }
  const raw = await readRawBody(req);
  const body = parseJsonBody(raw, () => (version === 'v2' ? v2Error(400, 'The request body is not valid JSON.') : v3Error(400, 'Input is invalid.')));
  const ctx: RestContext = {
    core,
    store,
    method,
    path,
    query: url.searchParams,
    body,
    link: { storeUrl: `${core.baseUrl}/stores/${store.hash}` },
    committed: false,
  };
  let response: SandboxResponse;
  try {
    response = await route.route.handler(ctx, route.params);
  } catch (error) {
    if (error instanceof HttpError) return withHeaders(error.response);
    throw error;
  }
  if (ctx.committed && core.random() < store.faults.errorAfterCommitRate) {
    store.stats.injectedErrors += 1;
    return withHeaders(errorFor(version, 500, 'Injected server error after commit (sandbox fault).'));
  }
  return withHeaders(response);
}

/** `POST /stores/{hash}/graphql`: same token, quota and latency as REST; App Extensions only. */
async function handleGraphqlRequest(core: SandboxCore, req: IncomingMessage, hash: string): Promise<SandboxResponse> {
  const store = core.stores.get(hash);
  if (!store) return json(404, { errors: [{ message: `Store ${hash} not found` }] });
  const method = (req.method ?? 'GET').toUpperCase();
  countCall(store, `${method} /graphql`);
  const decision = takeRequest(store, core.now());
  if (!decision.allowed) {
    store.stats.served429 += 1;
    return { status: 429, body: { status: 429, title: 'Too many requests' }, headers: decision.headers };
  }
  const withHeaders = (response: SandboxResponse): SandboxResponse => ({ ...response, headers: { ...rateHeaders(store, core.now()), ...(response.headers ?? {}) } });
  const token = req.headers['x-auth-token'];
  if (!store.accessToken || typeof token !== 'string' || token !== store.accessToken.token) {
    store.stats.unauthorized += 1;
    return withHeaders(json(401, { errors: [{ message: 'You are not authorized to access this store (missing or invalid X-Auth-Token).' }] }));
  }
  if (method !== 'POST') return withHeaders(json(405, { errors: [{ message: 'GraphQL requests must be POST' }] }));
  if (store.faults.latencyMs > 0) await sleep(store.faults.latencyMs);
  const body = parseJsonBody(await readRawBody(req), () => new HttpError(json(400, { errors: [{ message: 'The request body is not valid JSON.' }] })));
  return withHeaders(handleGraphql(core, store, body, store.accessToken.scope));
}

async function readTokenBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readRawBody(req);
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
  return parseJsonBody(raw, () => new HttpError(json(400, { error: 'invalid_request', error_description: 'Malformed JSON body.' })));
}

const STORE_PATH = /^\/stores\/([^/]+)\/(v2|v3)(\/.*)?$/;

async function route(core: SandboxCore, control: SandboxControl, req: IncomingMessage): Promise<SandboxResponse> {
  const url = new URL(req.url ?? '/', 'http://sandbox.local');
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  try {
    if (path === '/oauth2/token') {
      if (method !== 'POST') return json(405, { error: 'method_not_allowed' });
      return exchangeToken(core, await readTokenBody(req));
    }
    if (path === '/_sandbox' || path.startsWith('/_sandbox/')) {
      const raw = await readRawBody(req);
      const body = parseJsonBody(raw, () => new HttpError(json(400, { error: 'the request body is not valid JSON' })));
      return await handleControl(control, method, path, body);
    }
    const graphql = /^\/stores\/([^/]+)\/graphql$/.exec(path);
    if (graphql) return await handleGraphqlRequest(core, req, graphql[1] ?? '');
    const match = STORE_PATH.exec(path);
    if (match) return await handleRest(core, req, url, match);
    if (path === '/' || path === '/health') return json(200, { ok: true, service: 'bigcommerce-sandbox' });
    return json(404, { status: 404, title: `No route for ${method} ${path}` });
  } catch (error) {
    if (error instanceof HttpError) return error.response;
    return json(500, { status: 500, title: error instanceof Error ? error.message : 'Internal error' });
  }
}

export async function startBigCommerceSandbox(options: BigCommerceSandboxOptions): Promise<BigCommerceSandbox> {
  if (!options.clientId || !options.clientSecret) throw new Error('startBigCommerceSandbox: clientId and clientSecret are required');
  const core: SandboxCore = {
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    appUrl: options.appUrl,
    defaultQuota: options.defaultQuota ?? { requests: 150, windowMs: 30_000 },
    inventoryDelayMs: options.inventoryDelayMs ?? 300,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5_000,
    webhookRetryDelaysMs: options.webhookRetryDelaysMs ?? PLATFORM_RETRY_DELAYS_MS,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    baseUrl: '',
    stores: new Map(),
    installCodes: new Map(),
    background: new Set(),
    timers: new Map(),
    closed: false,
  };
  const control = new SandboxControl(core);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    route(core, control, req)
      .then((response) => writeResponse(res, response))
      .catch((error: unknown) => {
        if (!res.headersSent) writeResponse(res, json(500, { status: 500, title: error instanceof Error ? error.message : 'Internal error' }));
        else res.destroy();
      });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  core.baseUrl = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;
  return {
    url: core.baseUrl,
    port: address.port,
    storeUrl: (hash: string) => `${core.baseUrl}/stores/${hash}`,
    control,
    close: async () => {
      await settleBackground(core);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
