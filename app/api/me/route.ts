import { getSetupStatus } from '@/lib/stores/setup-status';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(async ({ db, session }) =>
  jsonResponse({
    store: { hash: session.store.hash },
    user: { email: session.user.email },
    role: session.role,
    isOwner: session.isOwner,
    setup: await getSetupStatus(db, session.store.id),
  }),
);
