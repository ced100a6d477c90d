import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { BIGCOMMERCE_FRAME_ANCESTORS, frameAncestorsPolicy, parseFrameAncestors, STATIC_SECURITY_HEADERS } from '@/lib/web/security-headers';
import { config as proxyConfig, proxy } from '@/proxy';
import { ROOT } from './support';

/**
 * The panel may be framed by BigCommerce's control panel only (plus FRAME_ANCESTORS, for a local
 * stand-in in browser tests), sends no referrer and forbids MIME sniffing. The browser test
 * (tests/e2e/attack.spec.ts) checks the same headers on the built app.
 */
interface HeaderRule {
  source: string;
  headers: Array<{ key: string; value: string }>;
}

const BASE = 'frame-ancestors https://*.bigcommerce.com https://*.mybigcommerce.com';

describe('frame-ancestors policy', () => {
  it("is BigCommerce's control panel domains only by default", () => {
    expect(BIGCOMMERCE_FRAME_ANCESTORS).toEqual(['https://*.bigcommerce.com', 'https://*.mybigcommerce.com']);
    expect(frameAncestorsPolicy(undefined)).toBe(BASE);
    expect(frameAncestorsPolicy('')).toBe(BASE);
  });

  it('adds the origins FRAME_ANCESTORS names', () => {
    expect(frameAncestorsPolicy('http://127.0.0.1:3402')).toBe(`${BASE} http://127.0.0.1:3402`);
    expect(frameAncestorsPolicy(' https://admin.example.com   http://localhost:3102/ ')).toBe(`${BASE} https://admin.example.com http://localhost:3102`);
  });

  it.each(['*', "'self'", "'unsafe-inline'", 'https:', 'data:', 'javascript:alert(1)', 'https://evil.example/path', 'https://a.example;script-src *', 'https://*', 'ftp://x.example', 'https://x.example,https://y.example'])(
    'never widens it with %s',
    (token) => {
      expect(parseFrameAncestors(token).origins).toEqual([]);
      expect(parseFrameAncestors(token).invalid.length).toBeGreaterThan(0);
      expect(frameAncestorsPolicy(`${token} http://127.0.0.1:3402`)).toBe(`${BASE} http://127.0.0.1:3402`);
    },
  );

  it('a malformed FRAME_ANCESTORS stops the app at start, naming the variable', () => {
    const env = { NODE_ENV: 'test', BIGCOMMERCE_CLIENT_ID: 'x', BIGCOMMERCE_CLIENT_SECRET: 'y', APP_URL: 'http://localhost:3000', CRON_SECRET: 'c'.repeat(16), APP_ENCRYPTION_KEY: '00'.repeat(32), SESSION_SECRET: 's'.repeat(32) };
    expect(parseEnv({ ...env, FRAME_ANCESTORS: 'http://127.0.0.1:3402' }).FRAME_ANCESTORS).toBe('http://127.0.0.1:3402');
    expect(() => parseEnv({ ...env, FRAME_ANCESTORS: '*' })).toThrow(/FRAME_ANCESTORS/);
  });
});

describe('proxy.ts sets the policy per request', () => {
  const saved = process.env.FRAME_ANCESTORS;
  afterEach(() => {
    if (saved === undefined) delete process.env.FRAME_ANCESTORS;
    else process.env.FRAME_ANCESTORS = saved;
  });

  it('reads FRAME_ANCESTORS when the request comes, not when the app was built', () => {
    delete process.env.FRAME_ANCESTORS;
    expect(proxy().headers.get('content-security-policy')).toBe(BASE);
    process.env.FRAME_ANCESTORS = 'http://127.0.0.1:3402';
    expect(proxy().headers.get('content-security-policy')).toBe(`${BASE} http://127.0.0.1:3402`);
    expect(proxy().headers.get('x-frame-options')).toBeNull();
  });

  it('runs on pages and not on the API or static assets', () => {
    const [pattern] = proxyConfig.matcher;
    const matches = (pathname: string) => new RegExp(`^${pattern!}$`).test(pathname);
    for (const page of ['/', '/orders', '/exceptions', '/settings', '/orders/123']) expect(matches(page), page).toBe(true);
    for (const other of ['/api/orders', '/api/webhooks/bigcommerce', '/_next/static/chunks/a.js', '/_next/image']) expect(matches(other), other).toBe(false);
  });
});

describe('next.config.js headers()', () => {
  it('sends nosniff and no-referrer on every path, and neither X-Frame-Options nor a frame policy (proxy.ts owns that)', async () => {
    const nextConfig = ((await import(/* @vite-ignore */ path.join(ROOT, 'next.config.js'))) as { default: { headers: () => Promise<HeaderRule[]> } }).default;
    const rules = await nextConfig.headers();
    const all = rules.find((rule) => rule.source === '/:path*');
    expect(Object.fromEntries((all?.headers ?? []).map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
    const keys = rules.flatMap((rule) => rule.headers.map((h) => h.key.toLowerCase()));
    expect(keys).not.toContain('x-frame-options');
    expect(keys).not.toContain('content-security-policy');
  });
});
