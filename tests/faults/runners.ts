import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Db } from '@/lib/db/client';
import { fulfilmentJob } from '@/lib/jobs/fulfilment-job';
import { inventoryJob } from '@/lib/jobs/inventory-job';
import { ordersJob } from '@/lib/jobs/orders-job';
import { runJob } from '@/lib/jobs/run-job';

/** A set of runners looping the scheduled jobs; the process variant can be SIGKILLed. */
export interface RunnerPool {
  kind: 'processes' | 'in-process';
  kills: number;
  starts: number;
  /** SIGKILLs one runner at random and starts a replacement (process variant only). */
  killOne(random: () => number): void;
  /** Stops every runner: SIGKILL for processes (one more crash point), a flag in-process. */
  stopAll(): Promise<void>;
  /** The last lines each runner printed, for a failure report. */
  output(): string;
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORKER = path.join(ROOT, 'tests/faults/worker.ts');

interface Worker {
  id: number;
  child: ChildProcess;
  exited: Promise<void>;
}

export function startProcessRunners(count: number, env: NodeJS.ProcessEnv): RunnerPool {
  const workers: Worker[] = [];
  const log: string[] = [];
  let nextId = 1;
  const remember = (id: number, chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) log.push(`[runner ${id}] ${line}`);
    }
    if (log.length > 400) log.splice(0, log.length - 400);
  };
  const start = (): Worker => {
    const id = nextId;
    nextId += 1;
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', WORKER], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => remember(id, chunk));
    child.stderr?.on('data', (chunk: Buffer) => remember(id, chunk));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const worker = { id, child, exited };
    workers.push(worker);
    pool.starts += 1;
    return worker;
  };
  const pool: RunnerPool = {
    kind: 'processes',
    kills: 0,
    starts: 0,
    killOne(random) {
      const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
      const victim = alive[Math.floor(random() * alive.length)];
      if (!victim) return;
      victim.child.kill('SIGKILL');
      pool.kills += 1;
      workers.splice(workers.indexOf(victim), 1);
      start();
    },
    async stopAll() {
      for (const w of workers) {
        if (w.child.exitCode === null && w.child.signalCode === null) {
          w.child.kill('SIGKILL');
          pool.kills += 1;
        }
      }
      await Promise.all(workers.map((w) => w.exited));
    },
    output: () => log.join('\n'),
  };
  for (let i = 0; i < count; i += 1) start();
  return pool;
}

/** PGlite is one connection in this process: the runners share it, and nothing can be killed. */
export function startInProcessRunners(count: number, db: Db, pauseMs: number): RunnerPool {
  let stopping = false;
  const errors: string[] = [];
  const loop = async (id: number) => {
    while (!stopping) {
      for (const [name, job] of [
        ['orders', ordersJob],
        ['fulfilment', fulfilmentJob],
        ['inventory', inventoryJob],
      ] as const) {
        const result = await runJob(db, name, () => job(db));
        if (!result.ok) errors.push(`[runner ${id}] ${name}: ${JSON.stringify(result.summary)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
    }
  };
  const loops = Array.from({ length: count }, (_, i) => loop(i + 1));
  return {
    kind: 'in-process',
    kills: 0,
    starts: count,
    killOne: () => undefined,
    async stopAll() {
      stopping = true;
      await Promise.all(loops);
    },
    output: () => errors.slice(-100).join('\n'),
  };
}
