import type { DbClient } from '../../db/types';
import { ownerFor } from '../rules';
import type { ExceptionType, ExportProblem } from '../types';

/**
 * Makes the order's open exceptions of the given kinds match `problems` exactly: new problems
 * open (or reopen) an exception owned by the configured team; problems that are gone resolve.
 */
export async function syncOrderExceptions(
  db: DbClient,
  input: { storeId: string; orderSyncId: string; problems: ExportProblem[]; kinds: readonly ExceptionType[]; ownerOverrides: unknown; now: Date },
): Promise<void> {
  const { storeId, orderSyncId, problems, kinds, ownerOverrides, now } = input;
  const keys = problems.map((p) => p.reasonKey);
  await db.syncException.updateMany({
    where: { orderSyncId, status: 'OPEN', type: { in: [...kinds] }, reasonKey: { notIn: keys } },
    data: { status: 'RESOLVED', resolvedAt: now, resolvedBy: 'connector: cause fixed' },
  });
  for (const problem of problems) {
    const data = {
      type: problem.type,
      ownerTeam: ownerFor(problem.type, ownerOverrides),
      message: problem.message,
      detail: (problem.detail ?? {}) as object,
    };
    await db.syncException.upsert({
      where: { orderSyncId_reasonKey: { orderSyncId, reasonKey: problem.reasonKey } },
      create: { storeId, orderSyncId, reasonKey: problem.reasonKey, ...data },
      // An exception an operator ignored stays ignored; a resolved one that recurs reopens.
      update: { ...data },
    });
    await db.syncException.updateMany({
      where: { orderSyncId, reasonKey: problem.reasonKey, status: 'RESOLVED' },
      data: { status: 'OPEN', resolvedAt: null, resolvedBy: null },
    });
  }
}

export const VALIDATION_KINDS: readonly ExceptionType[] = ['UNMAPPED_SHIPPING', 'INVALID_SKU', 'MISSING_SKU', 'INVALID_ADDRESS', 'WHISTL_REJECTED'];
