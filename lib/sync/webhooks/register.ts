import type { BigCommerceClient } from '../../bigcommerce/api';
import { decryptSecret, encryptSecret, randomToken } from '../../crypto';
import type { DbClient } from '../../db/types';
import { ORDER_SCOPES, WEBHOOK_SECRET_HEADER, webhookSecretContext } from './bigcommerce';

/**
 * Makes sure the store has exactly one active hook per order scope pointing at this app, each
 * carrying the store's secret header. Safe to run on every install and re-install.
 */
export async function registerOrderWebhooks(
  db: DbClient,
  bc: BigCommerceClient,
  input: { storeId: string; storeHash: string; appUrl: string },
): Promise<{ created: number; updated: number }> {
  const store = await db.store.findUniqueOrThrow({ where: { id: input.storeId }, select: { webhookSecretEnc: true } });
  let secret: string;
  if (store.webhookSecretEnc) {
    secret = decryptSecret(store.webhookSecretEnc, webhookSecretContext(input.storeHash));
  } else {
    secret = randomToken(32);
    await db.store.update({ where: { id: input.storeId }, data: { webhookSecretEnc: encryptSecret(secret, webhookSecretContext(input.storeHash)) } });
  }
  const destination = new URL('/api/webhooks/bigcommerce', input.appUrl).toString();
  const headers = { [WEBHOOK_SECRET_HEADER]: secret };
  const existing = await bc.webhooks.list();
  let created = 0;
  let updated = 0;
  for (const scope of ORDER_SCOPES) {
    const hook = existing.find((h) => h.scope === scope && h.destination === destination);
    if (!hook) {
      await bc.webhooks.create({ scope, destination, isActive: true, headers });
      created += 1;
    } else if (!hook.isActive || hook.headers?.[WEBHOOK_SECRET_HEADER] !== secret) {
      await bc.webhooks.update(hook.id, { isActive: true, headers });
      updated += 1;
    }
  }
  return { created, updated };
}
