import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Development-only secrets, generated once per checkout into .data/dev-secrets.json (never
 * committed), so `npm run dev` needs no configuration. Production never reads this file.
 */
export interface DevSecrets {
  BIGCOMMERCE_CLIENT_SECRET: string;
  CRON_SECRET: string;
  APP_ENCRYPTION_KEY: string;
  SESSION_SECRET: string;
}

export const SANDBOX_CLIENT_ID = 'sandbox-client-id';
const DEV_SECRETS_FILE = path.join('.data', 'dev-secrets.json');

export function loadDevSecrets(): DevSecrets {
  if (existsSync(DEV_SECRETS_FILE)) return JSON.parse(readFileSync(DEV_SECRETS_FILE, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    BIGCOMMERCE_CLIENT_SECRET: randomBytes(24).toString('hex'),
    CRON_SECRET: randomBytes(24).toString('hex'),
    APP_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SESSION_SECRET: randomBytes(32).toString('hex'),
  };
  mkdirSync(path.dirname(DEV_SECRETS_FILE), { recursive: true });
  writeFileSync(DEV_SECRETS_FILE, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
