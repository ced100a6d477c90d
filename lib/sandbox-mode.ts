import 'server-only';
import { z } from 'zod';
import { getEnv } from './env';

/**
 * The demo's one sandbox-only entry point: sign a fresh load payload for the demo store's owner
 * at the BigCommerce simulator. Off unless `npm run dev` started the simulators, and never in
 * production.
 */
export function sandboxModeEnabled(): boolean {
  return process.env.SANDBOX_MODE === '1' && getEnv().NODE_ENV !== 'production';
}

const signedSchema = z.object({ callbackUrl: z.string().optional(), jwt: z.string() });

export async function demoLoadUrl(deepLink = '/'): Promise<string> {
  const hash = process.env.SANDBOX_STORE_HASH ?? 'demostore';
  const response = await fetch(new URL(`/_sandbox/stores/${hash}/signed-payloads`, getEnv().BIGCOMMERCE_API_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'load', url: deepLink }),
    signal: AbortSignal.timeout(5000),
  });
  if (!response.ok) throw new Error(`The BigCommerce sandbox refused to sign a load payload (HTTP ${response.status})`);
  const { jwt } = signedSchema.parse(await response.json());
  return `/api/app/load?signed_payload_jwt=${encodeURIComponent(jwt)}`;
}
