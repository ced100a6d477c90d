import type { DbClient } from '../../db/types';
import { normaliseShippingMethod } from '../rules';
import { vendorProblem, type PanelVendors } from './vendor-sources';

export interface ShippingMethodView {
  id: string;
  methodKey: string;
  methodLabel: string;
  /** null: visibly unmapped (orders on it are held unless a default service is set). */
  courierService: string | null;
  offeredByStore: boolean;
  seenOnOrders: boolean;
  /** BigCommerce shipping zones offering it (empty if BigCommerce could not be read). */
  zones: string[];
  /** Orders waiting on an open UNMAPPED_SHIPPING exception for this method. */
  heldOrders: number;
  updatedByEmail: string | null;
  updatedAt: string;
}

export interface CourierServiceOption {
  name: string;
  active: boolean;
}

export interface ShippingMethodsView {
  methods: ShippingMethodView[];
  /** Whistl's active courier services (plus any inactive one a mapping still uses). */
  services: CourierServiceOption[];
  defaultCourierService: string | null;
  /** Orders held for any unmapped method. */
  heldOrders: number;
  /** BigCommerce or Whistl could not be read: what is shown is what was saved before. */
  warnings: string[];
}

/**
 * Every shipping method the store offers (read from its BigCommerce shipping zones and recorded
 * as offeredByStore) and every method seen on orders (recorded by the export engine), with its
 * mapping and the Whistl courier services it can map to.
 */
export async function listShippingMethods(db: DbClient, storeId: string, vendors: PanelVendors): Promise<ShippingMethodsView> {
  const warnings: string[] = [];
  const zonesByKey = new Map<string, string[]>();

  try {
    const client = await vendors.bigCommerce();
    const zones = await client.shipping.listZonesWithMethods({ priority: 'high' });
    const labels = new Map<string, string>();
    for (const { zone, methods } of zones) {
      for (const method of methods) {
        const key = normaliseShippingMethod(method.name);
        if (!key) continue;
        labels.set(key, labels.get(key) ?? method.name);
        zonesByKey.set(key, [...(zonesByKey.get(key) ?? []), method.enabled ? zone.name : `${zone.name} (disabled)`]);
      }
    }
    await recordOfferedMethods(db, storeId, labels);
  } catch (error) {
    warnings.push(vendorProblem('BigCommerce', error));
  }

  let services: CourierServiceOption[] = [];
  try {
    const whistl = await vendors.whistl();
    services = (await whistl.listCourierServices()).filter((s) => s.active).map((s) => ({ name: s.name, active: true }));
  } catch (error) {
    warnings.push(vendorProblem('Whistl', error));
  }

  const [rows, settings, held] = await Promise.all([
    db.shippingMapping.findMany({ where: { storeId }, orderBy: [{ methodLabel: 'asc' }] }),
    db.storeSettings.findUnique({ where: { storeId }, select: { defaultCourierService: true } }),
    db.syncException.findMany({
      where: { storeId, status: 'OPEN', type: 'UNMAPPED_SHIPPING', orderSyncId: { not: null } },
      select: { reasonKey: true, orderSyncId: true },
    }),
  ]);

  const heldByKey = new Map<string, Set<string>>();
  for (const exception of held) {
    const key = exception.reasonKey.startsWith('shipping:') ? exception.reasonKey.slice('shipping:'.length) : exception.reasonKey;
    const set = heldByKey.get(key) ?? new Set<string>();
    if (exception.orderSyncId) set.add(exception.orderSyncId);
    heldByKey.set(key, set);
  }

  const known = new Set(services.map((s) => s.name));
  for (const name of [...rows.map((r) => r.courierService), settings?.defaultCourierService ?? null]) {
    if (name && !known.has(name) && services.length > 0) {
      services.push({ name, active: false });
      known.add(name);
    }
  }

  return {
    methods: rows.map((row) => ({
      id: row.id,
      methodKey: row.methodKey,
      methodLabel: row.methodLabel,
      courierService: row.courierService,
      offeredByStore: row.offeredByStore,
      seenOnOrders: row.seenOnOrders,
      zones: zonesByKey.get(row.methodKey) ?? [],
      heldOrders: heldByKey.get(row.methodKey)?.size ?? 0,
      updatedByEmail: row.updatedByEmail,
      updatedAt: row.updatedAt.toISOString(),
    })),
    services,
    defaultCourierService: settings?.defaultCourierService ?? null,
    heldOrders: new Set(held.map((e) => e.orderSyncId)).size,
    warnings,
  };
}

/** Upserts by normalised key; methods the store no longer offers keep their row (orders may use them). */
async function recordOfferedMethods(db: DbClient, storeId: string, labels: Map<string, string>): Promise<void> {
  for (const [methodKey, methodLabel] of labels) {
    await db.shippingMapping.upsert({
      where: { storeId_methodKey: { storeId, methodKey } },
      create: { storeId, methodKey, methodLabel, offeredByStore: true },
      update: { offeredByStore: true },
    });
  }
  await db.shippingMapping.updateMany({
    where: { storeId, offeredByStore: true, methodKey: { notIn: [...labels.keys()] } },
    data: { offeredByStore: false },
  });
}
