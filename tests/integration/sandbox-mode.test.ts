import { afterEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/sandbox/open/route';
import { verifySignedPayload } from '@/lib/bigcommerce/signed-payload';
import { resetEnvCache } from '@/lib/env';
import { startBigCommerceSandbox } from '@/sandbox/bigcommerce';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('the demo-only entry point', () => {
  it('does not exist unless the demo started the simulators', async () => {
    delete process.env.SANDBOX_MODE;
    resetEnvCache();
    const response = await GET();
    expect(response.status).toBe(404);
  });

  it('does not exist in production, even with SANDBOX_MODE set', async () => {
    Object.assign(process.env, { SANDBOX_MODE: '1', NODE_ENV: 'production' });
    resetEnvCache();
    expect((await GET()).status).toBe(404);
  });
});

describe('in the demo', () => {
  it('redirects through the real load callback with a payload the app verifies', async () => {
    const sandbox = await startBigCommerceSandbox({ clientId: 'test-client-id', clientSecret: 'test-client-secret-0123456789' });
    try {
      sandbox.control.seedStore({ hash: 'demoopen', productCount: 1 });
      Object.assign(process.env, { SANDBOX_MODE: '1', SANDBOX_STORE_HASH: 'demoopen', BIGCOMMERCE_API_URL: sandbox.url });
      resetEnvCache();
      const response = await GET();
      expect(response.status).toBe(302);
      const location = response.headers.get('location') ?? '';
      expect(location).toMatch(/^\/api\/app\/load\?signed_payload_jwt=/);
      const jwt = decodeURIComponent(location.split('=')[1] ?? '');
      expect(verifySignedPayload(jwt, 'test-client-id', 'test-client-secret-0123456789').storeHash).toBe('demoopen');
    } finally {
      await sandbox.close();
    }
  });
});
