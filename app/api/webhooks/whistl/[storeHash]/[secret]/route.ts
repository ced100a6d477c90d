import { getDb } from '@/lib/db/client';
import { defaultExportDeps } from '@/lib/sync/export/deps';
import { receiveWhistlWebhook } from '@/lib/sync/fulfilment/receive-whistl-webhook';
import { BadRequestError, jsonResponse, readBodyText, textResponse } from '@/lib/web/http';
import { syncAfterResponse } from '../../../sync-after-response';

export const dynamic = 'force-dynamic';

/**
 * Whistl ConnectAction deliveries (despatched, cancelled): POST {APP_URL}/api/webhooks/whistl/{storeHash}/{secret}.
 * The secret is checked in constant time and a wrong one is a 401 with nothing written. The order
 * is re-read from Whistl and a despatch queued for write-back; the shipment is made right after
 * the response (or on the next fulfilment tick).
 */
export async function POST(request: Request, context: { params: Promise<{ storeHash: string; secret: string }> }): Promise<Response> {
  const { storeHash, secret } = await context.params;
  let rawBody: string;
  try {
    rawBody = await readBodyText(request);
  } catch (error) {
    if (error instanceof BadRequestError) return textResponse(error.status, error.message);
    throw error;
  }
  const db = await getDb();
  const result = await receiveWhistlWebhook(db, defaultExportDeps(db), { storeHash, secret, rawBody });
  if (result.status === 'rejected') return textResponse(result.httpStatus, result.reason);
  if (result.status === 'queued') syncAfterResponse('writeback');
  return jsonResponse(result);
}
