import { testWhistlConnection, whistlProbeFor } from '@/lib/stores/whistl-connection';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const POST = withSession(
  async ({ db, session }) => jsonResponse(await testWhistlConnection(db, session.store.id, whistlProbeFor)),
  { roles: ['OPS'] },
);
