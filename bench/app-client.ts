/**
 * The bench driver's side of the app process (bench/app-process.ts): forks it with the same exec
 * arguments as this process, waits until its webhook receiver listens, and turns IPC requests
 * into promises. If the child dies unexpectedly every pending and future request fails, and
 * `died` rejects, so the run fails loudly instead of hanging.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { AppCommandName, AppCommands, AppReady, AppReply, AppRequest } from './app-protocol';

export interface AppProcess {
  pid: number;
  port: number;
  url: string;
  /** Rejects when the child exits without being asked to (never resolves). */
  died: Promise<never>;
  /** Aborted when the child exits without being asked to: scenario loops stop on it. */
  signal: AbortSignal;
  call<K extends AppCommandName>(cmd: K, args: AppCommands[K][0], timeoutMs?: number): Promise<AppCommands[K][1]>;
  /** Asks the child to shut down (disconnect the database, close the receiver) and waits for it to exit. */
  shutdown(): Promise<void>;
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

const DEFAULT_TIMEOUT_MS = 15 * 60_000;

/**
 * The app's V8 old-space limit, as `npm start` sets it for a 512 MB instance. Without a limit V8
 * sizes its heap from the machine's memory (4 GB here) and lets garbage pile up long before
 * collecting: a 100,000-SKU pass then showed 620 MB RSS for a live heap under 200 MB.
 */
export const APP_MAX_OLD_SPACE_MB = 256;

export async function startAppProcess(options: { port: number; env: NodeJS.ProcessEnv; startTimeoutMs?: number }): Promise<AppProcess> {
  const script = path.join(__dirname, 'app-process.ts');
  const child: ChildProcess = fork(script, [], {
    execArgv: [...process.execArgv, `--max-old-space-size=${APP_MAX_OLD_SPACE_MB}`],
    env: { ...options.env, BENCH_APP_PORT: String(options.port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; timer: NodeJS.Timeout }>();
  let nextId = 1;
  let expectedExit = false;
  let deadError: Error | undefined;
  let onReady: ((ready: AppReady) => void) | undefined;
  let rejectDied: (error: Error) => void = () => undefined;
  const deathController = new AbortController();
  const died = new Promise<never>((_, reject) => {
    rejectDied = reject;
  });
  // Nobody may be listening to `died` at the moment the child dies; the failure is reported through
  // the pending requests and the race in main.ts, so this must not also become an unhandled rejection.
  died.catch(() => undefined);

  const fail = (error: Error) => {
    if (deadError) return;
    deadError = error;
    console.error(`[bench] ${error.message}`);
    for (const [, waiter] of pending) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    pending.clear();
    deathController.abort(error);
    rejectDied(error);
  };

  child.on('message', (raw: unknown) => {
    const message = raw as Partial<AppReady> & Partial<AppReply>;
    if (message.ready === true) {
      onReady?.(message as AppReady);
      return;
    }
    if (typeof message.id !== 'number') return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    clearTimeout(waiter.timer);
    const reply = message as AppReply;
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new Error(`app process: ${reply.error}`));
  });
  child.on('error', (error) => fail(new Error(`the app process failed: ${error.message}`)));
  child.on('exit', (code, signal) => {
    if (expectedExit && code === 0) return;
    fail(new Error(`the app process (pid ${String(child.pid)}) exited unexpectedly with ${signal ? `signal ${signal}` : `code ${String(code)}`}`));
  });

  const ready = await new Promise<AppReady>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the app process did not become ready within the start timeout')), options.startTimeoutMs ?? 60_000);
    onReady = (message) => {
      clearTimeout(timer);
      resolve(message);
    };
    died.catch((error: unknown) => {
      clearTimeout(timer);
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  }).catch((error: unknown) => {
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  });

  const call = <K extends AppCommandName>(cmd: K, args: AppCommands[K][0], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<AppCommands[K][1]> => {
    if (deadError) return Promise.reject(deadError);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`app process: ${cmd} got no reply within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      const request: AppRequest<K> = { id, cmd, args };
      child.send(request, (error) => {
        if (!error) return;
        const waiter = pending.get(id);
        if (!waiter) return;
        pending.delete(id);
        clearTimeout(waiter.timer);
        reject(new Error(`app process: could not send ${cmd}: ${error.message}`));
      });
    });
  };

  return {
    pid: ready.pid,
    port: ready.port,
    url: `http://127.0.0.1:${ready.port}`,
    died,
    signal: deathController.signal,
    call,
    shutdown: async () => {
      if (deadError || child.exitCode !== null) return;
      expectedExit = true;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        await call('shutdown', {}, 30_000);
      } catch (error) {
        console.error('[bench] the app process did not shut down cleanly; killing it:', error);
        child.kill('SIGKILL');
      }
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
