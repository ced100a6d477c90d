import type { DbClient } from '../../db/types';
import { normaliseShippingMethod } from '../rules';
import type { ExportSettings } from '../types';

export interface ExportContext {
  settings: ExportSettings;
  exportStatusIds: number[];
  holdMinutes: number;
  ownerOverrides: unknown;
}

/** Everything about a store that validating and building its Whistl orders needs, in 3 queries. */
export async function loadExportContext(db: DbClient, storeId: string, warehouseId: number): Promise<ExportContext> {
  const [store, mappings, aliases] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: storeId }, include: { settings: true } }),
    db.shippingMapping.findMany({ where: { storeId }, select: { methodKey: true, courierService: true } }),
    db.skuAlias.findMany({ where: { storeId }, select: { bcSku: true, whistlSku: true } }),
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
    },
  };
}
