import { z } from 'zod';

/** The single-click install: exchange the auth callback's `code` for a store access token. */
const EXCHANGE_TIMEOUT_MS = 15_000;

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  scope: z.string().default(''),
  user: z.object({ id: z.number().int(), email: z.string() }),
  owner: z.object({ id: z.number().int(), email: z.string() }).optional(),
  context: z.string().regex(/^stores\/[a-z0-9]+$/i),
  account_uuid: z.string().optional(),
});

export interface InstallGrant {
  accessToken: string;
  scope: string;
  storeHash: string;
  user: { id: number; email: string };
  owner?: { id: number; email: string };
}

export interface AuthCallbackQuery {
  code: string;
  scope: string;
  context: string;
}

export const authCallbackQuerySchema = z.object({
  code: z.string().min(1, 'code is required'),
  scope: z.string().default(''),
  context: z.string().regex(/^stores\/[a-z0-9]+$/i, 'context must be stores/{hash}'),
});

/** BigCommerce refused the code (expired, reused, wrong app): the merchant must start again. */
export class InstallRejectedError extends Error {
  override name = 'InstallRejectedError';
}

/** BigCommerce could not be reached or answered nonsense: worth trying again. */
export class InstallUnavailableError extends Error {
  override name = 'InstallUnavailableError';
}

export async function exchangeAuthCode(
  query: AuthCallbackQuery,
  config: { loginUrl: string; clientId: string; clientSecret: string; redirectUri: string },
  fetchImpl: typeof fetch = fetch,
): Promise<InstallGrant> {
  let response: Response;
  try {
    response = await fetchImpl(new URL('/oauth2/token', config.loginUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        client_id: config.clientId,
        client_secret: config.clientSecret,
        redirect_uri: config.redirectUri,
        grant_type: 'authorization_code',
        code: query.code,
        scope: query.scope,
        context: query.context,
      }),
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
    });
  } catch (error) {
    throw new InstallUnavailableError(`Could not reach BigCommerce to finish the install: ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  if (response.status >= 400 && response.status < 500) {
    throw new InstallRejectedError(`BigCommerce rejected the install code (HTTP ${response.status}): ${describeError(text)}`);
  }
  if (!response.ok) {
    throw new InstallUnavailableError(`BigCommerce answered HTTP ${response.status} to the token exchange; try installing again`);
  }
  let parsed: z.infer<typeof tokenResponseSchema>;
  try {
    parsed = tokenResponseSchema.parse(JSON.parse(text));
  } catch {
    throw new InstallUnavailableError('BigCommerce answered the token exchange with an unexpected body');
  }
  if (parsed.context !== query.context) {
    throw new InstallRejectedError(`The token BigCommerce issued is for ${parsed.context}, not ${query.context}`);
  }
  return {
    accessToken: parsed.access_token,
    scope: parsed.scope,
    storeHash: parsed.context.slice('stores/'.length),
    user: parsed.user,
    owner: parsed.owner,
  };
}

function describeError(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: unknown; error_description?: unknown; message?: unknown; title?: unknown };
    const detail = json.error_description ?? json.message ?? json.error ?? json.title;
    if (typeof detail === 'string') return detail.slice(0, 200);
  } catch {
    // not JSON: fall through to the raw text
  }
  return body.slice(0, 200) || 'no detail given';
}
