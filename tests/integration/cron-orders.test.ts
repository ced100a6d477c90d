import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/cron/orders/route';
import { setupTestDatabase } from '../setup/db';

const { db } = setupTestDatabase();
const call = (handler: typeof GET, authorization?: string) =>
  handler(new Request('http://localhost/api/cron/orders', { method: 'POST', headers: authorization ? { authorization } : {} }));

describe('/api/cron/orders', () => {
  it('fails closed without the cron secret, in constant time, and records nothing', async () => {
    for (const auth of [undefined, 'Bearer ', 'Bearer wrong-secret', 'Basic test-cron-secret-0123456789', 'Bearer test-cron-secret-012345678']) {
      expect((await call(POST, auth)).status).toBe(401);
    }
    expect(await db().jobRun.count()).toBe(0);
  });

  it('runs with the secret (GET or POST), returns a JSON summary and records the run', async () => {
    for (const handler of [GET, POST]) {
      const response = await call(handler, 'Bearer test-cron-secret-0123456789');
      expect(response.status).toBe(200);
      const body = (await response.json()) as { ok: boolean; sweep: { stores: number }; export: { claimed: number } };
      expect(body).toMatchObject({ job: 'orders', ok: true, sweep: { stores: 0 }, export: { claimed: 0 } });
    }
    const runs = await db().jobRun.findMany({ where: { job: 'orders' } });
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.ok && r.finishedAt)).toBe(true);
  });
});
