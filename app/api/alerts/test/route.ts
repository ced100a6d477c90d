import { z } from 'zod';
import { sendTestAlert } from '@/lib/sync/alerts/send-test-alert';
import { panelErrorResponse } from '@/lib/sync/panel/errors';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';
export const maxDuration = 60;

const testSchema = z.object({ channelId: z.uuid().optional() }).strict();

/** Sends a test message to one channel, or to every enabled channel; the result per channel. */
export const POST = withSession(
  async ({ db, session, request }) => {
    const { channelId } = await parseJsonBody(request, testSchema);
    try {
      const results = await sendTestAlert(db, session.store.id, channelId, session.user.email, { now: new Date() });
      return jsonResponse({ results });
    } catch (error) {
      return panelErrorResponse(error) ?? Promise.reject(error);
    }
  },
  { roles: ['OPS'] },
);
