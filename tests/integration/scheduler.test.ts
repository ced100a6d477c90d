import { describe, expect, it } from 'vitest';
import { startInProcessScheduler } from '@/lib/jobs/scheduler';
import { setupTestDatabase } from '../setup/db';

const { db } = setupTestDatabase();

describe('in-process scheduler', () => {
  it('runs each job on its timer, never overlapping itself, recording every run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const stop = startInProcessScheduler(async () => db(), [
      {
        name: 'slow-test-job',
        everyMs: 20,
        run: async () => {
          active += 1;
          maxActive = Math.max(maxActive, active);
          await new Promise((resolve) => setTimeout(resolve, 60));
          active -= 1;
          runs += 1;
          return { runs };
        },
      },
    ]);
    const deadline = Date.now() + 10_000;
    while (runs < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(maxActive).toBe(1);
    expect(await db().jobRun.count({ where: { job: 'slow-test-job', ok: true } })).toBe(runs);
  });
});
