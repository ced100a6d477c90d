import type { DbClient } from '../../db/types';

export interface AlertDeliveryView {
  id: string;
  createdAt: string;
  channel: string | null;
  urgency: string;
  subject: string;
  status: 'SENT' | 'FAILED';
  error: string | null;
}

/** The latest alert deliveries, newest first, and how many failed in the last day. */
export async function listDeliveries(db: DbClient, storeId: string, now: Date, limit = 50): Promise<{ deliveries: AlertDeliveryView[]; failedLastDay: number }> {
  const [rows, failedLastDay] = await Promise.all([
    db.alertDelivery.findMany({ where: { storeId }, orderBy: { createdAt: 'desc' }, take: Math.min(Math.max(limit, 1), 200), include: { channel: { select: { label: true } } } }),
    db.alertDelivery.count({ where: { storeId, status: 'FAILED', createdAt: { gt: new Date(now.getTime() - 24 * 3_600_000) } } }),
  ]);
  return {
    deliveries: rows.map((r) => ({ id: r.id, createdAt: r.createdAt.toISOString(), channel: r.channel?.label ?? null, urgency: r.urgency, subject: r.subject, status: r.status, error: r.error })),
    failedLastDay,
  };
}
