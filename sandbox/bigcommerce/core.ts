/** Shared state of one running simulator: options, stores, install codes, background work. */
import type { Quota, StoreState } from './model';

export interface InstallCode {
  code: string;
  storeHash: string;
  userId: number;
  scope: string;
  expiresAt: number;
  used: boolean;
}

export interface SandboxCore {
  clientId: string;
  clientSecret: string;
  appUrl: string | undefined;
  defaultQuota: Quota;
  inventoryDelayMs: number;
  webhookTimeoutMs: number;
  /** Delays between webhook retries; after the last one fails the hook is deactivated. */
  webhookRetryDelaysMs: readonly number[];
  now: () => number;
  random: () => number;
  /** Base URL once listening (used in V2 resource links). */
  baseUrl: string;
  stores: Map<string, StoreState>;
  installCodes: Map<string, InstallCode>;
  /** Background work (async inventory, webhook deliveries) so `close()` can settle it. */
  background: Set<Promise<unknown>>;
  /** Pending timers with the function that settles their background promise. */
  timers: Map<NodeJS.Timeout, () => void>;
  closed: boolean;
}

/**
 * Runs `task` after `delayMs` without blocking the caller. Tracked work is awaited by `idle()`;
 * untracked work (webhook retries minutes away) is only cancelled by `close()`.
 */
export function schedule(core: SandboxCore, delayMs: number, task: () => Promise<void> | void, tracked = true): void {
  if (core.closed) return;
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    settle = resolve;
  });
  if (tracked) core.background.add(done);
  const timer = setTimeout(() => {
    core.timers.delete(timer);
    Promise.resolve()
      .then(task)
      .catch(() => undefined)
      .finally(() => {
        core.background.delete(done);
        settle();
      });
  }, delayMs);
  core.timers.set(timer, () => {
    core.background.delete(done);
    settle();
  });
}

/** Cancels pending timers and waits for work already running. */
export async function settleBackground(core: SandboxCore): Promise<void> {
  core.closed = true;
  for (const [timer, cancel] of core.timers) {
    clearTimeout(timer);
    cancel();
  }
  core.timers.clear();
  await Promise.allSettled([...core.background]);
}

/** Waits until no background work is pending (new work queued meanwhile is awaited too). */
export async function settleIdle(core: SandboxCore): Promise<void> {
  while (core.background.size > 0) {
    await Promise.allSettled([...core.background]);
  }
}
