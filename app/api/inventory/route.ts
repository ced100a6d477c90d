import { z } from 'zod';
import { INVENTORY_FILTERS, listInventory } from '@/lib/sync/inventory/list-inventory';
import { jsonResponse, parseQuery } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  filter: z.enum(INVENTORY_FILTERS).default('all'),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Per-SKU stock figures with filters, the sync lag and the last good run. Ops and CX read. */
export const GET = withSession(
  async ({ db, session, request }) => {
    const { filter, q, page, pageSize } = parseQuery(request, querySchema);
    return jsonResponse(await listInventory(db, session.store.id, { filter, search: q, page, pageSize, now: new Date() }));
  },
  { roles: ['OPS', 'CX'] },
);
