import type { DbClient } from '../../db/types';
import { getEnv } from '../../env';
import { connectActionUrlsFor } from '../fulfilment/connect-action-urls';
import { normaliseShippingMethod } from '../rules';
import type { ExportSettings } from '../types';

export interface ExportContext {
  settings: ExportSettings;
  exportStatusIds: number[];
  holdMinutes: number;
  ownerOverrides: unknown;
}

/**
 * Everything about a store that validating and building its Whistl orders needs, in 4 queries
 * (5 the first time, when the store's Whistl webhook secret is generated). Every order carries
 * the ConnectAction URLs so Whistl tells us about its despatch and cancel.
 */
export async function loadExportContext(db: DbClient, storeId: string, warehouseId: number): Promise<ExportContext> {
  const [store, mappings, aliases, connectAction] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: storeId }, include: { settings: true } }),
    db.shippingMapping.findMany({ where: { storeId }, select: { methodKey: true, courierService: true } }),
    db.skuAlias.findMany({ where: { storeId }, select: { bcSku: true, whistlSku: true } }),
    connectActionUrlsFor(db, storeId, getEnv().APP_URL),
  ]);
  const s = store.settings;
  return {
    exportStatusIds: s?.exportStatusIds ?? [11],
    holdMinutes: s?.holdMinutes ?? 0,
    ownerOverrides: s?.exceptionOwners ?? {},
    settings: {
      storeHash: store.hash,
      orderNumberFormat: s?.orderNumberFormat ?? '{orderId}',
      warehouseId,
      sku: {
        policy: s?.skuPolicy ?? 'ALPHANUMERIC',
        uppercase: s?.skuUppercase ?? false,
        stripChars: s?.skuStripChars ?? '',
        prefix: s?.skuPrefix ?? '',
        suffix: s?.skuSuffix ?? '',
        aliases: new Map(aliases.map((a) => [a.bcSku, a.whistlSku])),
      },
      shipping: {
        mappings: new Map(mappings.map((m) => [normaliseShippingMethod(m.methodKey), m.courierService])),
        defaultCourierService: s?.defaultCourierService ?? null,
      },
      connectAction,
    },
  };
}
