import { getSmtpSettings, saveSmtpSettings, smtpSettingsSchema } from '@/lib/sync/alerts/smtp-settings';
import { jsonResponse, parseJsonBody } from '@/lib/web/http';
import { withSession } from '@/lib/web/with-session';

export const dynamic = 'force-dynamic';

/** The SMTP server for email alerts. The password is write-only: GET says only whether one is saved. */
export const GET = withSession(async ({ db, session }) => jsonResponse({ smtp: await getSmtpSettings(db, session.store.id) }), { roles: ['OPS'] });

export const PUT = withSession(
  async ({ db, session, request }) => {
    const input = await parseJsonBody(request, smtpSettingsSchema);
    return jsonResponse({ smtp: await saveSmtpSettings(db, session.store.id, input, session.user.email) });
  },
  { roles: ['ADMIN'] },
);
