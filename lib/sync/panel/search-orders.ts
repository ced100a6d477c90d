import type { DbClient, Prisma } from '../../db/types';
import type { OrderSyncState } from '../../generated/prisma/enums';

export interface OrderSearch {
  /** A BigCommerce order id, or part of the customer's name or email (case-insensitive). */
  q?: string;
  state?: OrderSyncState;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface OrderRowView {
  id: string;
  bcOrderId: number;
  state: OrderSyncState;
  customerName: string | null;
  customerEmail: string | null;
  orderTotal: string | null;
  bcDateCreated: string | null;
  exportedAt: string | null;
  updatedAt: string;
  openExceptions: number;
}

export interface OrderSearchResult {
  orders: OrderRowView[];
  total: number;
  page: number;
  pageSize: number;
}

export async function searchOrders(db: DbClient, storeId: string, search: OrderSearch): Promise<OrderSearchResult> {
  const q = search.q?.trim() ?? '';
  const text: Prisma.OrderSyncWhereInput[] = q
    ? [
        { customerName: { contains: q, mode: 'insensitive' } },
        { customerEmail: { contains: q, mode: 'insensitive' } },
        ...(/^\d{1,9}$/.test(q) ? [{ bcOrderId: Number(q) }] : []),
      ]
    : [];
  const where: Prisma.OrderSyncWhereInput = {
    storeId,
    ...(search.state ? { state: search.state } : {}),
    ...(text.length > 0 ? { OR: text } : {}),
  };
  const [total, rows] = await Promise.all([
    db.orderSync.count({ where }),
    db.orderSync.findMany({
      where,
      orderBy: [{ bcOrderId: 'desc' }],
      skip: (search.page - 1) * search.pageSize,
      take: search.pageSize,
      include: { _count: { select: { exceptions: { where: { status: 'OPEN' } } } } },
    }),
  ]);
  return {
    orders: rows.map((row) => ({
      id: row.id,
      bcOrderId: row.bcOrderId,
      state: row.state,
      customerName: row.customerName,
      customerEmail: row.customerEmail,
      orderTotal: row.orderTotal,
      bcDateCreated: row.bcDateCreated?.toISOString() ?? null,
      exportedAt: row.exportedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      openExceptions: row._count.exceptions,
    })),
    total,
    page: search.page,
    pageSize: search.pageSize,
  };
}
