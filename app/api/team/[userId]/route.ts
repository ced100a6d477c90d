import { setMemberRole, setRoleSchema, TeamError } from '@/lib/stores/team';
import { jsonError, jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

export const PUT = withSession(
  async ({ db, session, request }, params) => {
    const { role } = await parseJsonBody(request, setRoleSchema);
    try {
      return jsonResponse({ member: await setMemberRole(db, session.store.id, String(params.userId), role, session.user.email) });
    } catch (error) {
      if (error instanceof TeamError) return jsonError(error.status, error.message);
      throw error;
    }
  },
  { roles: ['ADMIN'] },
);
