import { z } from 'zod';
import type { DbClient } from '../../db/types';

/** One page of the store's audit log (every settings, mapping, rule and role change), newest first. */
export const auditLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  /** Filter on the action family, e.g. "shipping-mapping" or "team.set-role". */
  action: z.string().trim().max(100).optional(),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export interface AuditLogEntryView {
  id: string;
  createdAt: string;
  actorEmail: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditLogPage {
  entries: AuditLogEntryView[];
  page: number;
  pageSize: number;
  total: number;
  actions: string[];
}

export async function listAuditLog(db: DbClient, storeId: string, query: AuditLogQuery): Promise<AuditLogPage> {
  const where = { storeId, ...(query.action ? { action: { startsWith: query.action } } : {}) };
  const [rows, total, actions] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where: { storeId }, distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
  ]);
  return {
    entries: rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), actorEmail: r.actorEmail, action: r.action, entity: r.entity, entityId: r.entityId, before: r.before, after: r.after })),
    page: query.page,
    pageSize: query.pageSize,
    total,
    actions: actions.map((a) => a.action),
  };
}
