import { decryptSecret, encryptSecret, randomToken, safeEqual } from '../../crypto';
import type { DbClient } from '../../db/types';

/**
 * The ConnectAction URLs every exported order carries. Whistl's deliveries are unsigned, so each
 * store gets a random secret (encrypted at rest) that is part of the URL path:
 *   {APP_URL}/api/webhooks/whistl/{storeHash}/{secret}
 * The same URL serves despatch and cancel events: the body is only a hint, the order is re-read.
 */
export function whistlWebhookSecretContext(storeHash: string): string {
  return `whistl-webhook-secret:${storeHash}`;
}

export function whistlWebhookUrl(appUrl: string, storeHash: string, secret: string): string {
  const path = `/api/webhooks/whistl/${encodeURIComponent(storeHash)}/${encodeURIComponent(secret)}`;
  return new URL(path, appUrl).toString();
}

/** The store's Whistl webhook secret, generated and stored (encrypted) on first use. */
export async function ensureWhistlWebhookSecret(db: DbClient, storeId: string): Promise<{ storeHash: string; secret: string }> {
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { hash: true, whistlWebhookSecretEnc: true } });
  if (store.whistlWebhookSecretEnc) {
    return { storeHash: store.hash, secret: decryptSecret(store.whistlWebhookSecretEnc, whistlWebhookSecretContext(store.hash)) };
  }
  const secret = randomToken(32);
  // Two exports racing on first use: only the first write wins, and both use the stored one.
  await db.store.updateMany({
    where: { id: storeId, whistlWebhookSecretEnc: null },
    data: { whistlWebhookSecretEnc: encryptSecret(secret, whistlWebhookSecretContext(store.hash)) },
  });
  const stored = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { whistlWebhookSecretEnc: true } });
  if (!stored.whistlWebhookSecretEnc) throw new Error('The Whistl webhook secret could not be stored');
  return { storeHash: store.hash, secret: decryptSecret(stored.whistlWebhookSecretEnc, whistlWebhookSecretContext(store.hash)) };
}

export async function connectActionUrlsFor(db: DbClient, storeId: string, appUrl: string): Promise<{ despatched: string; cancelled: string }> {
  const { storeHash, secret } = await ensureWhistlWebhookSecret(db, storeId);
  const url = whistlWebhookUrl(appUrl, storeHash, secret);
  return { despatched: url, cancelled: url };
}

/**
 * The installed store a webhook URL names, when its secret matches (constant time). Fails closed:
 * an unknown store, an uninstalled one, one without a secret or an undecryptable secret is null.
 */
export async function storeForWhistlWebhook(db: DbClient, storeHash: string, presented: string): Promise<{ id: string; hash: string } | null> {
  const store = await db.store.findUnique({ where: { hash: storeHash }, select: { id: true, hash: true, status: true, whistlWebhookSecretEnc: true } });
  let expected = '';
  if (store?.whistlWebhookSecretEnc) {
    try {
      expected = decryptSecret(store.whistlWebhookSecretEnc, whistlWebhookSecretContext(store.hash));
    } catch {
      expected = '';
    }
  }
  // Compare even when there is nothing to compare against, so timing does not tell which case it was.
  const matches = safeEqual(presented, expected || randomToken(32));
  if (!store || store.status !== 'INSTALLED' || !expected || !presented || !matches) return null;
  return { id: store.id, hash: store.hash };
}
