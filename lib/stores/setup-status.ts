import type { DbClient } from '../db/types';

/** What the dashboard's setup checklist shows; safe for every role (no credentials). */
export async function getSetupStatus(db: DbClient, storeId: string) {
  const connection = await db.whistlConnection.findUnique({ where: { storeId }, select: { lastTestOk: true } });
  return { whistl: { configured: connection !== null, lastTestOk: connection?.lastTestOk ?? null } };
}
