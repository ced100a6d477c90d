import type { AppExtensionsApi } from '../bigcommerce/api/endpoints/app-extensions';
import type { DbClient } from '../db/types';

/** The control panel fills `${id}` with the BigCommerce order id and loads the app at this path. */
export const ORDER_EXTENSION_URL = '/orders/${id}';
export const ORDER_EXTENSION_LABEL = 'Whistl status';

/** Ours: an ORDERS extension whose url opens the order's timeline in this app. */
function isOurs(extension: { model: string | null; url: string }): boolean {
  return (extension.model === null || extension.model === 'ORDERS') && extension.url.startsWith('/orders/${id}');
}

/**
 * Makes sure the store has exactly one "Whistl status" link on its order pages: reuses the one a
 * previous install registered (fixing its url or label), deletes duplicates, creates it only when
 * none exists. Safe on every install and re-install. Returns the extension id it keeps.
 */
export async function registerOrderAppExtension(
  db: DbClient,
  api: Pick<AppExtensionsApi, 'list' | 'create' | 'update' | 'delete'>,
  storeId: string,
): Promise<{ id: string; created: boolean }> {
  const store = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { appExtensionId: true } });
  const ours = (await api.list()).filter(isOurs);
  const keep = ours.find((extension) => extension.id === store.appExtensionId) ?? ours[0];
  let id: string;
  let created = false;
  if (!keep) {
    id = (await api.create({ context: 'LINK', model: 'ORDERS', url: ORDER_EXTENSION_URL, label: ORDER_EXTENSION_LABEL })).id;
    created = true;
  } else {
    id = keep.id;
    if (keep.url !== ORDER_EXTENSION_URL || keep.label !== ORDER_EXTENSION_LABEL) {
      await api.update(keep.id, { url: ORDER_EXTENSION_URL, label: ORDER_EXTENSION_LABEL });
    }
    for (const duplicate of ours) if (duplicate.id !== keep.id) await api.delete(duplicate.id);
  }
  if (store.appExtensionId !== id) await db.store.update({ where: { id: storeId }, data: { appExtensionId: id } });
  return { id, created };
}

/**
 * Best effort on uninstall: deletes the extension while the token still works. BigCommerce may
 * already have revoked the token (then the platform removes the app's extensions itself); the
 * caller logs and carries on either way.
 */
export async function removeOrderAppExtension(api: Pick<AppExtensionsApi, 'delete'>, appExtensionId: string | null): Promise<boolean> {
  if (!appExtensionId) return false;
  await api.delete(appExtensionId);
  return true;
}
