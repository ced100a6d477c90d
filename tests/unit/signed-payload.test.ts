import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { safeDeepLink, SignedPayloadError, verifySignedPayload } from '@/lib/bigcommerce/signed-payload';
import { decodePayload, rawToken, signPayload, TEST_CLIENT_ID, TEST_CLIENT_SECRET } from '../support/signed-payload';

const verify = (token: string) => verifySignedPayload(token, TEST_CLIENT_ID, TEST_CLIENT_SECRET);

describe('verifySignedPayload', () => {
  it('accepts a valid payload and takes the store from sub', () => {
    const payload = verify(signPayload({ storeHash: 'store9', user: { id: 7, email: 'ops@example.com' }, url: '/orders/12' }));
    expect(payload).toEqual({
      storeHash: 'store9',
      user: { id: 7, email: 'ops@example.com', locale: 'en-GB' },
      owner: { id: 100, email: 'owner@example.com' },
      deepLink: '/orders/12',
      channelId: null,
    });
  });

  it('rejects an expired token', () => {
    expect(() => verify(signPayload({ expiresIn: -3600 }))).toThrow(/expired/);
  });

  it('allows a little clock skew but not more', () => {
    expect(verify(signPayload({ expiresIn: -30 })).storeHash).toBe('abc123');
    expect(() => verify(signPayload({ expiresIn: -120 }))).toThrow(SignedPayloadError);
  });

  it('rejects a token that is not valid yet', () => {
    expect(() => verify(signPayload({ notBefore: 3600 }))).toThrow(/not valid yet/);
  });

  it('rejects a wrong audience', () => {
    expect(() => verify(signPayload({ aud: 'another-app' }))).toThrow(/audience/);
  });

  it('rejects a wrong issuer', () => {
    expect(() => verify(signPayload({ iss: 'evil' }))).toThrow(/issuer/);
  });

  it('rejects a token signed with another secret', () => {
    expect(() => verify(signPayload({ secret: 'not-the-secret' }))).toThrow(/signature/);
  });

  it('rejects alg none', () => {
    const claims = decodePayload(signPayload());
    expect(() => verify(rawToken({ alg: 'none', typ: 'JWT' }, claims))).toThrow(SignedPayloadError);
  });

  it('rejects HS512 even with the right secret', () => {
    const claims = decodePayload(signPayload());
    const token = jwt.sign(claims, TEST_CLIENT_SECRET, { algorithm: 'HS512', noTimestamp: true });
    expect(() => verify(token)).toThrow(/invalid algorithm/);
  });

  it('rejects RS256', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const claims = decodePayload(signPayload());
    const token = jwt.sign(claims, privateKey, { algorithm: 'RS256', noTimestamp: true });
    expect(() => verify(token)).toThrow(SignedPayloadError);
  });

  it('rejects a tampered payload', () => {
    const [header, , signature] = signPayload({ storeHash: 'aaa111' }).split('.');
    const forged = { ...decodePayload(signPayload({ storeHash: 'aaa111' })), sub: 'stores/bbb222' };
    const token = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    expect(() => verify(token)).toThrow(/signature/);
  });

  it('rejects a missing token and garbage', () => {
    expect(() => verify('')).toThrow(/Missing/);
    expect(() => verify('not.a.jwt')).toThrow(SignedPayloadError);
  });

  it('rejects claims of the wrong shape', () => {
    const token = jwt.sign({ aud: TEST_CLIENT_ID, iss: 'bc', sub: 'store/abc', user: { id: 1, email: 'x' }, owner: { id: 1, email: 'x' } }, TEST_CLIENT_SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect(() => verify(token)).toThrow(/sub/);
  });

  it('never follows an off-site deep link', () => {
    expect(verify(signPayload({ url: '//evil.example' })).deepLink).toBe('/');
    expect(verify(signPayload({ url: 'https://evil.example' })).deepLink).toBe('/');
    expect(verify(signPayload({ url: '/exceptions?type=SKU' })).deepLink).toBe('/exceptions?type=SKU');
  });
});

describe('safeDeepLink', () => {
  it.each([
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['javascript:alert(1)', '/'],
    ['/orders\n/x', '/'],
    ['', '/'],
    [undefined, '/'],
    ['/orders/5', '/orders/5'],
  ])('%s -> %s', (input, expected) => {
    expect(safeDeepLink(input)).toBe(expected);
  });
});
