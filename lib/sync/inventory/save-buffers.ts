import { z } from 'zod';
import type { DbClient } from '../../db/types';
import { MAX_BUFFER } from './policy';

export const saveBuffersSchema = z
  .object({
    buffers: z
      .array(z.object({ whistlSku: z.string().min(1).max(200), buffer: z.number().int().min(0).max(MAX_BUFFER).nullable() }).strict())
      .min(1)
      .max(500),
  })
  .strict();
export type SaveBuffersInput = z.infer<typeof saveBuffersSchema>;

/**
 * Sets (or, with null, clears) per-SKU buffer overrides. The next run recomputes these SKUs'
 * targets (it looks again at rows updated since its watermark) and pushes what changed.
 * Audited. Unknown SKUs are reported, not created.
 */
export async function saveBuffers(db: DbClient, storeId: string, input: SaveBuffersInput, actorEmail: string): Promise<{ saved: number; unknown: string[] }> {
  const skus = input.buffers.map((b) => b.whistlSku);
  const existing = await db.inventorySku.findMany({ where: { storeId, whistlSku: { in: skus } }, select: { whistlSku: true, bufferOverride: true } });
  const before = new Map(existing.map((row) => [row.whistlSku, row.bufferOverride]));
  let saved = 0;
  for (const { whistlSku, buffer } of input.buffers) {
    if (!before.has(whistlSku)) continue;
    await db.inventorySku.update({ where: { storeId_whistlSku: { storeId, whistlSku } }, data: { bufferOverride: buffer } });
    await db.auditLog.create({
      data: { storeId, actorEmail, action: 'inventory.buffer.save', entity: 'InventorySku', entityId: whistlSku, before: { bufferOverride: before.get(whistlSku) ?? null }, after: { bufferOverride: buffer } },
    });
    saved += 1;
  }
  return { saved, unknown: skus.filter((sku) => !before.has(sku)) };
}
