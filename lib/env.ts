import 'server-only';
import path from 'node:path';
import { z } from 'zod';
import { loadDevSecrets, SANDBOX_CLIENT_ID } from './dev-secrets';
import { parseFrameAncestors } from './web/security-headers';

/**
 * The environment, validated once. Names are a contract (README): keep them.
 * Outside production, secrets that are not set are generated once per checkout and kept in
 * .data/dev-secrets.json, so `npm run dev` works with no configuration at all.
 */
const encryptionKey = z
  .string()
  .transform((value, ctx) => {
    const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: 'must be 32 bytes, as 64 hex characters or base64 (openssl rand -base64 32)' });
      return z.NEVER;
    }
    return key;
  });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  BIGCOMMERCE_CLIENT_ID: z.string().min(1, 'is required: the client id of your BigCommerce app'),
  BIGCOMMERCE_CLIENT_SECRET: z.string().min(1, 'is required: the client secret of your BigCommerce app'),
  BIGCOMMERCE_API_URL: z.url('must be a URL').default('https://api.bigcommerce.com'),
  BIGCOMMERCE_LOGIN_URL: z.url('must be a URL').default('https://login.bigcommerce.com'),
  APP_URL: z.url('must be the public https URL of this app, e.g. https://connector.example.com'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string (or unset for the embedded database)')
    .optional(),
  PGLITE_DATA_DIR: z.string().default(path.join('.data', 'pglite')),
  CRON_SECRET: z.string().min(16, 'must be at least 16 characters'),
  APP_ENCRYPTION_KEY: encryptionKey,
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  /** 1: start export / write-back work right after a webhook is answered; 0: leave it to the cron. */
  SYNC_AFTER_WEBHOOK: z.enum(['0', '1'], 'must be 0 or 1').default('1'),
  /** Extra origins allowed to frame the panel besides BigCommerce's control panel (proxy.ts reads it per request). */
  FRAME_ANCESTORS: z
    .string()
    .refine((value) => parseFrameAncestors(value).invalid.length === 0, 'must be space-separated origins such as https://admin.example.com')
    .optional(),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = 'EnvError';
}

function developmentDefaults(): Record<string, string> {
  return { BIGCOMMERCE_CLIENT_ID: SANDBOX_CLIENT_ID, APP_URL: 'http://localhost:3000', ...loadDevSecrets() };
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const isProduction = present.NODE_ENV === 'production';
  const input = isProduction ? present : { ...developmentDefaults(), ...present };
  const result = schema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'} ${issue.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join('\n')}\nSee README.md, "Configuration".`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}
