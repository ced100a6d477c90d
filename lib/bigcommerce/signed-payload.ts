import jwt from 'jsonwebtoken';
import { z } from 'zod';

/**
 * The `signed_payload_jwt` BigCommerce sends to the load, uninstall and remove-user callbacks.
 * HS256 only, signed with the app's client secret; `aud` is the client id, `iss` is "bc".
 * There is no store_hash claim: the store comes from `sub` ("stores/{hash}").
 */
const CLOCK_SKEW_SECONDS = 60;

const claimsSchema = z.object({
  aud: z.string(),
  iss: z.literal('bc'),
  sub: z.string().regex(/^stores\/[a-z0-9]+$/i, 'sub must be stores/{hash}'),
  user: z.object({ id: z.number().int(), email: z.string(), locale: z.string().optional() }),
  owner: z.object({ id: z.number().int(), email: z.string() }),
  url: z.string().optional(),
  channel_id: z.number().int().nullable().optional(),
});

export interface SignedPayload {
  storeHash: string;
  user: { id: number; email: string; locale?: string };
  owner: { id: number; email: string };
  /** Deep link inside the app, only when it is a safe relative path. */
  deepLink: string;
  channelId: number | null;
}

export class SignedPayloadError extends Error {
  override name = 'SignedPayloadError';
}

export function verifySignedPayload(token: string | null | undefined, clientId: string, clientSecret: string): SignedPayload {
  if (!token) throw new SignedPayloadError('Missing signed_payload_jwt');
  let decoded: unknown;
  try {
    decoded = jwt.verify(token, clientSecret, {
      algorithms: ['HS256'],
      audience: clientId,
      issuer: 'bc',
      clockTolerance: CLOCK_SKEW_SECONDS,
    });
  } catch (error) {
    const reason = error instanceof jwt.TokenExpiredError
      ? 'it has expired'
      : error instanceof jwt.NotBeforeError
        ? 'it is not valid yet'
        : error instanceof Error
          ? error.message
          : 'unknown error';
    throw new SignedPayloadError(`Invalid signed payload: ${reason}`);
  }
  const claims = claimsSchema.safeParse(decoded);
  if (!claims.success) {
    throw new SignedPayloadError(`Invalid signed payload: ${claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const { sub, user, owner, url, channel_id } = claims.data;
  return {
    storeHash: sub.slice('stores/'.length),
    user,
    owner,
    deepLink: safeDeepLink(url),
    channelId: channel_id ?? null,
  };
}

/**
 * A deep link is followed only if it stays on this app: a path starting with a single "/".
 * Anything else ("//evil.example", "https://evil.example", "/\\evil", control characters) becomes "/".
 */
export function safeDeepLink(url: string | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return '/';
  const base = 'http://app.invalid';
  const resolved = new URL(url, base);
  if (resolved.origin !== base) return '/';
  return `${resolved.pathname}${resolved.search}`;
}
