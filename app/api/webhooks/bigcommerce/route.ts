import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { receiveBigCommerceWebhook } from '@/lib/sync/webhooks/bigcommerce';
import { BadRequestError, jsonResponse, readBodyText, textResponse } from '@/lib/web/http';
import { syncAfterResponse } from '../sync-after-response';

export const dynamic = 'force-dynamic';

/** Verify, record, queue, answer 200 at once; the export starts after the response (or on the next cron tick). */
export async function POST(request: Request): Promise<Response> {
  let rawBody: string;
  try {
    rawBody = await readBodyText(request);
  } catch (error) {
    if (error instanceof BadRequestError) return textResponse(error.status, error.message);
    throw error;
  }
  const headers = Object.fromEntries([...request.headers].map(([name, value]) => [name.toLowerCase(), value]));
  const result = await receiveBigCommerceWebhook(await getDb(), { rawBody, headers, clientSecret: getEnv().BIGCOMMERCE_CLIENT_SECRET });
  if (result.status === 'rejected') return textResponse(result.httpStatus, result.reason);
  if (result.status === 'queued') syncAfterResponse('export');
  return jsonResponse(result);
}
