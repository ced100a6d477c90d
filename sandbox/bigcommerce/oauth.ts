/**
 * The app install flow (`POST /oauth2/token` on login.bigcommerce.com) and the signed payload
 * JWTs the control panel sends on load / uninstall / remove user.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { InstallCode, SandboxCore } from './core';
import { isRecord, json, type SandboxResponse } from './http';
import type { StoreState, StoreUser } from './model';

export const DEFAULT_SCOPES = [
  'store_v2_orders',
  'store_v2_products_read_only',
  'store_inventory',
  'store_v2_information_read_only',
  'store_locations_read_only',
  'store_app_extensions_manage',
].join(' ');

export const INSTALL_CODE_TTL_MS = 5 * 60 * 1000;

export type SignedPayloadKind = 'load' | 'uninstall' | 'remove_user';

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return json(status, { error, error_description: description });
}

function normaliseUrl(value: string): string {
  return value.replace(/\/+$/, '');
}

export function authCallbackUrl(core: SandboxCore): string | undefined {
  return core.appUrl ? `${normaliseUrl(core.appUrl)}/api/app/auth` : undefined;
}

export function issueInstallCode(core: SandboxCore, store: StoreState, user: StoreUser, scope: string): InstallCode {
  const code: InstallCode = {
    code: randomBytes(20).toString('hex'),
    storeHash: store.hash,
    userId: user.id,
    scope,
    expiresAt: core.now() + INSTALL_CODE_TTL_MS,
    used: false,
  };
  core.installCodes.set(code.code, code);
  return code;
}

function userJson(user: StoreUser): Record<string, unknown> {
  return { id: user.id, username: user.email, email: user.email };
}

/** `POST /oauth2/token`: exchanges a single-use install code for the store's access token. */
export function exchangeToken(core: SandboxCore, body: unknown): SandboxResponse {
  if (!isRecord(body)) return oauthError(400, 'invalid_request', 'The request body must be JSON (or form encoded).');
  const text = (key: string): string | undefined => (typeof body[key] === 'string' ? body[key] : undefined);
  if (text('client_id') !== core.clientId || text('client_secret') !== core.clientSecret) {
    return oauthError(401, 'invalid_client', 'Invalid client id or client secret.');
  }
  if (text('grant_type') !== 'authorization_code') {
    return oauthError(400, 'unsupported_grant_type', "grant_type must be 'authorization_code'.");
  }
  const redirectUri = text('redirect_uri');
  const expectedRedirect = authCallbackUrl(core);
  if (!redirectUri || (expectedRedirect && normaliseUrl(redirectUri) !== expectedRedirect)) {
    return oauthError(400, 'invalid_grant', 'The redirect_uri does not match the app callback URL.');
  }
  const codeValue = text('code');
  const code = codeValue ? core.installCodes.get(codeValue) : undefined;
  if (!code || code.used || code.expiresAt < core.now()) {
    return oauthError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used.');
  }
  const store = core.stores.get(code.storeHash);
  if (!store || text('context') !== `stores/${store.hash}`) {
    return oauthError(400, 'invalid_grant', 'The context does not match the authorization code.');
  }
  code.used = true;
  const user = store.users.find((candidate) => candidate.id === code.userId) ?? store.owner;
  if (!store.accessToken || store.accessToken.scope !== code.scope) {
    // A scope change invalidates the previous token; a plain re-install keeps it.
    store.accessToken = { token: randomBytes(16).toString('hex'), scope: code.scope };
  }
  return json(200, {
    access_token: store.accessToken.token,
    scope: store.accessToken.scope,
    user: userJson(user),
    owner: userJson(store.owner),
    context: `stores/${store.hash}`,
    account_uuid: store.accountUuid,
  });
}

export interface SignedPayloadOptions {
  kind: SignedPayloadKind;
  user: StoreUser;
  url?: string;
  channelId?: number;
}

export interface SignedPayload {
  jwt: string;
  claims: Record<string, unknown>;
  /** Where the control panel would send it, when `appUrl` is known. */
  callbackUrl: string | undefined;
}

const CALLBACK_PATHS: Record<SignedPayloadKind, string> = {
  load: '/api/app/load',
  uninstall: '/api/app/uninstall',
  remove_user: '/api/app/remove-user',
};

export function signPayload(core: SandboxCore, store: StoreState, options: SignedPayloadOptions): SignedPayload {
  const iat = Math.floor(core.now() / 1000);
  const claims: Record<string, unknown> = {
    aud: core.clientId,
    iss: 'bc',
    iat,
    nbf: iat - 5,
    exp: iat + 24 * 60 * 60,
    jti: randomUUID(),
    sub: `stores/${store.hash}`,
    user: { id: options.user.id, email: options.user.email, locale: options.user.locale },
    owner: { id: store.owner.id, email: store.owner.email },
    url: options.url ?? '/',
    channel_id: options.channelId ?? 1,
  };
  const token = jwt.sign(claims, core.clientSecret, { algorithm: 'HS256' });
  const callbackUrl = core.appUrl
    ? `${normaliseUrl(core.appUrl)}${CALLBACK_PATHS[options.kind]}?signed_payload_jwt=${encodeURIComponent(token)}`
    : undefined;
  return { jwt: token, claims, callbackUrl };
}
