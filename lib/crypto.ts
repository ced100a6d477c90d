import 'server-only';
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getEnv } from './env';

/**
 * Secrets at rest: AES-256-GCM, format `v1.<iv>.<tag>.<ciphertext>` (base64url parts).
 * `context` is bound as additional authenticated data, so a ciphertext copied onto another
 * store's row does not decrypt there.
 */
const VERSION = 'v1';

export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

export function encryptSecret(plaintext: string, context: string, key: Buffer = getEnv().APP_ENCRYPTION_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ciphertext.toString('base64url')].join('.');
}

export function decryptSecret(sealed: string, context: string, key: Buffer = getEnv().APP_ENCRYPTION_KEY): string {
  const [version, iv, tag, ciphertext] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) {
    throw new DecryptionError('Stored secret is not in a recognised format');
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptionError('Stored secret could not be decrypted (wrong APP_ENCRYPTION_KEY or tampered data)');
  }
}

export function hmacSha256(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/** Constant-time string comparison; lengths are compared through fixed-size digests. */
export function safeEqual(a: string, b: string): boolean {
  const digestA = createHmac('sha256', 'compare').update(a).digest();
  const digestB = createHmac('sha256', 'compare').update(b).digest();
  return timingSafeEqual(digestA, digestB) && a.length === b.length;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
