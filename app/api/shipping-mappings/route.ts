import { listShippingMethods } from '@/lib/sync/panel/list-shipping-methods';
import { storeVendors } from '@/lib/sync/panel/vendor-sources';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** Every method offered or seen, its mapping, Whistl's services and the default; warnings if a vendor is down. */
export const GET = withSession(
  async ({ db, session }) => jsonResponse(await listShippingMethods(db, session.store.id, storeVendors(db, session.store.id))),
  { roles: ['OPS', 'CX'] },
);
