import 'server-only';
import { authCallbackQuerySchema, exchangeAuthCode, InstallRejectedError, InstallUnavailableError } from '../bigcommerce/oauth';
import { SignedPayloadError, verifySignedPayload, type SignedPayload } from '../bigcommerce/signed-payload';
import { createSession } from '../auth/session';
import { getDb, type Db } from '../db/client';
import { bigCommerceClientFor } from '../stores/clients';
import { registerOrderWebhooks } from '../sync/webhooks/register';
import { registerOrderAppExtension, removeOrderAppExtension } from '../stores/app-extension';
import { getEnv } from '../env';
import { installStore } from '../stores/install-store';
import { openPanel, StoreNotInstalledError } from '../stores/open-panel';
import { removeStoreUser, uninstallStore } from '../stores/uninstall-store';
import { redirectResponse, textResponse } from './http';

/**
 * The four BigCommerce single-click app callbacks. Bad input is a 4xx with a plain message and
 * nothing written; only our own faults are 5xx.
 */
export function panelUrl(deepLink: string, sessionToken: string): string {
  // The token travels in the fragment: never sent to servers, never in access logs.
  return `${deepLink}#session=${sessionToken}`;
}

export async function handleAuthCallback(request: Request): Promise<Response> {
  const env = getEnv();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = authCallbackQuerySchema.safeParse(params);
  if (!query.success) return textResponse(400, `Invalid install request: ${query.error.issues.map((i) => i.message).join('; ')}`);
  try {
    const grant = await exchangeAuthCode(query.data, {
      loginUrl: env.BIGCOMMERCE_LOGIN_URL,
      clientId: env.BIGCOMMERCE_CLIENT_ID,
      clientSecret: env.BIGCOMMERCE_CLIENT_SECRET,
      redirectUri: new URL('/api/app/auth', env.APP_URL).toString(),
    });
    const db = await getDb();
    const { storeId, userId } = await installStore(db, grant);
    await registerWebhooksOrWarn(db, storeId, grant.storeHash, env.APP_URL);
    await registerAppExtensionOrWarn(db, storeId, grant.storeHash);
    const token = await createSession(db, { storeId, userId }, env.SESSION_SECRET);
    return redirectResponse(panelUrl('/', token));
  } catch (error) {
    if (error instanceof InstallRejectedError) return textResponse(400, `${error.message}. Start the install again from the control panel.`);
    if (error instanceof InstallUnavailableError) return textResponse(502, error.message);
    throw error;
  }
}

/**
 * Webhooks make export immediate; without them the sweep still finds every order, so a failure
 * here must not fail the install: it is logged, the sweep covers the gap, and re-installing retries it.
 */
async function registerWebhooksOrWarn(db: Db, storeId: string, storeHash: string, appUrl: string): Promise<void> {
  try {
    await registerOrderWebhooks(db, await bigCommerceClientFor(db, storeId), { storeId, storeHash, appUrl });
  } catch (error) {
    console.warn(`[install] could not register webhooks for store ${storeHash}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The "Whistl status" link on BigCommerce's order pages is a convenience: without it (e.g. the
 * store did not grant store_app_extensions_manage) the app works the same, so this never fails
 * the install. Re-installing retries it and never adds a second link.
 */
async function registerAppExtensionOrWarn(db: Db, storeId: string, storeHash: string): Promise<void> {
  try {
    await registerOrderAppExtension(db, (await bigCommerceClientFor(db, storeId)).appExtensions, storeId);
  } catch (error) {
    console.warn(`[install] could not register the order-page App Extension for store ${storeHash}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Before the store's token is forgotten: remove our App Extension if BigCommerce still lets us. */
async function removeAppExtensionQuietly(db: Db, storeHash: string): Promise<void> {
  const store = await db.store.findUnique({ where: { hash: storeHash }, select: { id: true, status: true, appExtensionId: true } });
  if (!store || store.status !== 'INSTALLED' || !store.appExtensionId) return;
  try {
    await removeOrderAppExtension((await bigCommerceClientFor(db, store.id)).appExtensions, store.appExtensionId);
  } catch {
    // Usually the token is already revoked and BigCommerce removed the app's extensions with it.
  }
}

function verifyFromRequest(request: Request): SignedPayload | Response {
  const env = getEnv();
  try {
    const token = new URL(request.url).searchParams.get('signed_payload_jwt');
    return verifySignedPayload(token, env.BIGCOMMERCE_CLIENT_ID, env.BIGCOMMERCE_CLIENT_SECRET);
  } catch (error) {
    if (error instanceof SignedPayloadError) return textResponse(401, error.message);
    throw error;
  }
}

export async function handleLoadCallback(request: Request): Promise<Response> {
  const payload = verifyFromRequest(request);
  if (payload instanceof Response) return payload;
  try {
    const { sessionToken } = await openPanel(await getDb(), payload, getEnv().SESSION_SECRET);
    return redirectResponse(panelUrl(payload.deepLink, sessionToken));
  } catch (error) {
    if (error instanceof StoreNotInstalledError) return textResponse(403, error.message);
    throw error;
  }
}

export async function handleUninstallCallback(request: Request): Promise<Response> {
  const payload = verifyFromRequest(request);
  if (payload instanceof Response) return payload;
  const db = await getDb();
  await removeAppExtensionQuietly(db, payload.storeHash);
  const outcome = await uninstallStore(db, payload.storeHash);
  return textResponse(200, outcome === 'uninstalled' ? 'Uninstalled: the store’s data has been removed.' : 'Already uninstalled.');
}

export async function handleRemoveUserCallback(request: Request): Promise<Response> {
  const payload = verifyFromRequest(request);
  if (payload instanceof Response) return payload;
  const outcome = await removeStoreUser(await getDb(), payload.storeHash, payload.user.id);
  return textResponse(200, outcome === 'removed' ? 'User removed.' : 'User already removed.');
}
