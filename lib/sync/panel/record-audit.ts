import type { DbClient, Prisma } from '../../db/types';

export interface AuditEntry {
  actorEmail: string;
  /** What was done, e.g. "shipping-mapping.save". */
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Who changed what, when, and the value before and after. Call inside the write's transaction. */
export async function recordAudit(db: DbClient, storeId: string, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      storeId,
      actorEmail: entry.actorEmail,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
