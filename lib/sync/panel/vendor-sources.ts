import type { BigCommerceClient } from '../../bigcommerce/api';
import type { CatalogListApi } from '../../bigcommerce/api/endpoints/catalog-list';
import type { DbClient } from '../../db/types';
import { bigCommerceClientFor, whistlClientFor } from '../../stores/clients';
import type { WhistlAdapter } from '../../whistl';

/**
 * The vendor calls the panel's domain functions make, behind one seam so tests and the demo can
 * swap them. Production: the store's configured clients (lib/stores/clients.ts).
 */
export interface PanelVendors {
  bigCommerce(): Promise<Pick<BigCommerceClient, 'shipping'>>;
  catalogList(): Promise<CatalogListApi>;
  whistl(): Promise<Pick<WhistlAdapter, 'listCourierServices' | 'iterateProducts'>>;
}

export function storeVendors(db: DbClient, storeId: string): PanelVendors {
  return {
    bigCommerce: () => bigCommerceClientFor(db, storeId),
    catalogList: async () => (await bigCommerceClientFor(db, storeId)).catalogList,
    whistl: async () => (await whistlClientFor(db, storeId)).client,
  };
}

/** A vendor failure as one sentence for a warning banner (never the credentials). */
export function vendorProblem(vendor: 'BigCommerce' | 'Whistl', error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `${vendor} could not be reached, so this list may be incomplete: ${detail}`;
}
