import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';

export const TEST_CLIENT_ID = 'test-client-id';
export const TEST_CLIENT_SECRET = 'test-client-secret-0123456789';

export interface PayloadOptions {
  storeHash?: string;
  user?: { id: number; email: string };
  owner?: { id: number; email: string };
  url?: string;
  aud?: string;
  iss?: string;
  secret?: string;
  /** seconds relative to now */
  expiresIn?: number;
  notBefore?: number;
}

/** Signs a payload the way BigCommerce signs `signed_payload_jwt` (HS256, client secret). */
export function signPayload(options: PayloadOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const owner = options.owner ?? { id: 100, email: 'owner@example.com' };
  return jwt.sign(
    {
      aud: options.aud ?? TEST_CLIENT_ID,
      iss: options.iss ?? 'bc',
      iat: now,
      nbf: now + (options.notBefore ?? -5),
      exp: now + (options.expiresIn ?? 24 * 3600),
      jti: randomUUID(),
      sub: `stores/${options.storeHash ?? 'abc123'}`,
      user: { ...(options.user ?? owner), locale: 'en-GB' },
      owner,
      url: options.url ?? '/',
      channel_id: null,
    },
    options.secret ?? TEST_CLIENT_SECRET,
    { algorithm: 'HS256', noTimestamp: true },
  );
}

/** A token with the given header and payload and a signature of our choosing (for forgery tests). */
export function rawToken(header: object, payload: object, signature = ''): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode(header)}.${encode(payload)}.${signature}`;
}

export function decodePayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}
