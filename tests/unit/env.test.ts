import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

const production = {
  NODE_ENV: 'production',
  BIGCOMMERCE_CLIENT_ID: 'id',
  BIGCOMMERCE_CLIENT_SECRET: 'secret',
  APP_URL: 'https://connector.example.com',
  CRON_SECRET: 'c'.repeat(32),
  APP_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  SESSION_SECRET: 's'.repeat(40),
};

describe('environment', () => {
  it('accepts a complete production environment and applies defaults', () => {
    const env = parseEnv(production);
    expect(env.BIGCOMMERCE_API_URL).toBe('https://api.bigcommerce.com');
    expect(env.BIGCOMMERCE_LOGIN_URL).toBe('https://login.bigcommerce.com');
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_ENCRYPTION_KEY).toHaveLength(32);
  });

  it('lists every problem by name in production', () => {
    const attempt = () => parseEnv({ NODE_ENV: 'production', APP_ENCRYPTION_KEY: 'short', DATABASE_URL: 'mysql://x' });
    expect(attempt).toThrow(EnvError);
    try {
      attempt();
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['BIGCOMMERCE_CLIENT_ID', 'BIGCOMMERCE_CLIENT_SECRET', 'APP_URL', 'CRON_SECRET', 'SESSION_SECRET', 'APP_ENCRYPTION_KEY', 'DATABASE_URL']) {
        expect(message).toContain(name);
      }
      expect(message).toContain('32 bytes');
    }
  });

  it('accepts a hex encryption key', () => {
    expect(parseEnv({ ...production, APP_ENCRYPTION_KEY: 'ab'.repeat(32) }).APP_ENCRYPTION_KEY).toEqual(Buffer.alloc(32, 0xab));
  });
});
