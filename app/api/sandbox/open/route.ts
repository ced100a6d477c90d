import { demoLoadUrl, sandboxModeEnabled } from '@/lib/sandbox-mode';
import { redirectResponse, textResponse } from '@/lib/web/http';

export const dynamic = 'force-dynamic';

/** Demo only: opens the panel as the demo store's owner through the real load callback. */
export async function GET(): Promise<Response> {
  if (!sandboxModeEnabled()) return textResponse(404, 'Not found');
  return redirectResponse(await demoLoadUrl('/'));
}
