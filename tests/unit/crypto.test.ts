import { describe, expect, it } from 'vitest';
import { decryptSecret, DecryptionError, encryptSecret, safeEqual } from '@/lib/crypto';

describe('secret encryption', () => {
  it('round-trips and never contains the plaintext', () => {
    const sealed = encryptSecret('bc-access-token-123', 'store-token:abc');
    expect(sealed).not.toContain('bc-access-token-123');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(decryptSecret(sealed, 'store-token:abc')).toBe('bc-access-token-123');
  });

  it('uses a fresh IV every time', () => {
    expect(encryptSecret('same', 'ctx')).not.toBe(encryptSecret('same', 'ctx'));
  });

  it('refuses a ciphertext moved to another context', () => {
    const sealed = encryptSecret('secret', 'store-token:abc');
    expect(() => decryptSecret(sealed, 'store-token:def')).toThrow(DecryptionError);
  });

  it('refuses tampered data and another key', () => {
    const sealed = encryptSecret('secret', 'ctx');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3] ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptSecret([parts[0], parts[1], parts[2], flipped.toString('base64url')].join('.'), 'ctx')).toThrow(DecryptionError);
    expect(() => decryptSecret(sealed, 'ctx', Buffer.alloc(32, 7))).toThrow(DecryptionError);
    expect(() => decryptSecret('plain-text-token', 'ctx')).toThrow(/format/);
  });
});

describe('safeEqual', () => {
  it('compares exactly', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
