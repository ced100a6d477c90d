import { createChannel, createChannelSchema, listChannels } from '@/lib/sync/alerts/channels';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** Alert channels per owner team; targets are never returned, only labels. */
export const GET = withSession(async ({ db, session }) => jsonResponse({ channels: await listChannels(db, session.store.id) }), { roles: ['OPS'] });

export const POST = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, createChannelSchema);
    return jsonResponse({ channel: await createChannel(db, session.store.id, input, session.user.email) }, 201);
  },
  { roles: ['ADMIN'] },
);
