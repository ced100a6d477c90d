import type { DbClient } from '../../db/types';

/** One SKU's state as a run leaves it (the buffer override is the operator's and is kept). */
export interface SkuStateWrite {
  whistlSku: string;
  bcSku: string | null;
  bcProductId: number | null;
  bcVariantId: number | null;
  trackingMode: string | null;
  whistlFree: number | null;
  inFlight: number;
  target: number | null;
  lastPushed: number | null;
  pushedAt: Date | null;
  lastError: string | null;
  orphan: 'NONE' | 'BIGCOMMERCE_ONLY' | 'WHISTL_ONLY';
  whistlUpdatedAt: Date | null;
}

const ROWS_PER_STATEMENT = 1000;

/**
 * Writes many SKU states in a few statements (a full reconciliation touches every SKU; one
 * upsert per row would take longer than the run's budget on large catalogs).
 */
export async function saveSkuStates(db: DbClient, storeId: string, rows: readonly SkuStateWrite[]): Promise<void> {
  for (let index = 0; index < rows.length; index += ROWS_PER_STATEMENT) {
    const part = rows.slice(index, index + ROWS_PER_STATEMENT).map((row) => ({
      ...row,
      pushedAt: row.pushedAt?.toISOString() ?? null,
      whistlUpdatedAt: row.whistlUpdatedAt?.toISOString() ?? null,
    }));
    await db.$executeRawUnsafe(
      `INSERT INTO "InventorySku" (id, "storeId", "whistlSku", "bcSku", "bcProductId", "bcVariantId", "trackingMode", "whistlFree",
         "inFlight", target, "lastPushed", "pushedAt", "lastError", orphan, "whistlUpdatedAt", "updatedAt")
       SELECT gen_random_uuid(), $1::uuid, r."whistlSku", r."bcSku", r."bcProductId", r."bcVariantId", r."trackingMode", r."whistlFree",
         r."inFlight", r.target, r."lastPushed", r."pushedAt", r."lastError", r.orphan::"InventoryOrphan", r."whistlUpdatedAt", now()
       FROM jsonb_to_recordset($2::jsonb) AS r("whistlSku" text, "bcSku" text, "bcProductId" int, "bcVariantId" int, "trackingMode" text,
         "whistlFree" int, "inFlight" int, target int, "lastPushed" int, "pushedAt" timestamp(3), "lastError" text, orphan text,
         "whistlUpdatedAt" timestamp(3))
       ON CONFLICT ("storeId", "whistlSku") DO UPDATE SET
         "bcSku" = EXCLUDED."bcSku", "bcProductId" = EXCLUDED."bcProductId", "bcVariantId" = EXCLUDED."bcVariantId",
         "trackingMode" = EXCLUDED."trackingMode", "whistlFree" = EXCLUDED."whistlFree", "inFlight" = EXCLUDED."inFlight",
         target = EXCLUDED.target, "lastPushed" = EXCLUDED."lastPushed", "pushedAt" = EXCLUDED."pushedAt",
         "lastError" = EXCLUDED."lastError", orphan = EXCLUDED.orphan, "whistlUpdatedAt" = EXCLUDED."whistlUpdatedAt", "updatedAt" = now()`,
      storeId,
      JSON.stringify(part),
    );
  }
}
