import type { DbClient } from '../../db/types';
import { PanelNotFoundError } from './errors';

/**
 * The app's record of a BigCommerce order, by the order id the control panel shows — only among
 * the signed-in store's orders. Another store's order id is simply not found here.
 */
export async function findOrderSyncByBcOrderId(db: DbClient, storeId: string, rawBcOrderId: string): Promise<{ id: string; bcOrderId: number }> {
  if (!/^\d{1,10}$/.test(rawBcOrderId) || Number(rawBcOrderId) < 1 || Number(rawBcOrderId) > 2_147_483_647) {
    throw new PanelNotFoundError(`"${rawBcOrderId.slice(0, 20)}" is not a BigCommerce order number`);
  }
  const bcOrderId = Number(rawBcOrderId);
  const order = await db.orderSync.findFirst({ where: { storeId, bcOrderId }, select: { id: true, bcOrderId: true } });
  if (!order) throw new PanelNotFoundError(`Order #${bcOrderId} was not found in this store's synced orders`);
  return order;
}
