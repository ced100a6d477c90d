import type { BigCommerceClient } from '../../bigcommerce/api';
import type { DbClient } from '../../db/types';
import { bigCommerceClientFor, whistlClientFor } from '../../stores/clients';
import type { WhistlAdapter } from '../../whistl';

/** What the export needs from the outside world; tests and the benchmark swap pieces. */
export interface ExportDeps {
  bigcommerce(storeId: string): Promise<BigCommerceClient>;
  whistl(storeId: string): Promise<{ client: WhistlAdapter; warehouseId: number }>;
  now(): Date;
}

export function defaultExportDeps(db: DbClient): ExportDeps {
  return {
    bigcommerce: (storeId) => bigCommerceClientFor(db, storeId),
    whistl: (storeId) => whistlClientFor(db, storeId),
    now: () => new Date(),
  };
}
