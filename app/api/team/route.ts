import { listTeam } from '@/lib/stores/team';
import { jsonResponse } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const GET = withSession(async ({ db, session }) => jsonResponse({ members: await listTeam(db, session.store.id) }), { roles: ['ADMIN'] });
