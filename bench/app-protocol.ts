/**
 * The IPC contract between the bench driver (parent) and the app process (bench/app-process.ts).
 * Every request carries an id; the child answers each with exactly one reply of the same id.
 */
import type { RateLimiterStats } from '@/lib/bigcommerce/api';
import type { InventorySyncSummary } from '@/lib/sync/inventory/run-inventory-sync';

export type AppJobName = 'orders' | 'fulfilment' | 'inventory';

export interface WebhookCounts {
  bigcommerce: number;
  whistl: number;
  non2xx: number;
}

/** The app process's own resource use since the last `resetUsage`. */
export interface AppUsage {
  /** RSS at the moment of the request, in MB. */
  rssMb: number;
  /** max(RSS sampled every 200 ms, VmHWM) in MB. */
  peakRssMb: number;
  /** The highest RSS the sampler saw. */
  sampledPeakRssMb: number;
  /** VmHWM from /proc/self/status (null when not on Linux). */
  vmHwmMb: number | null;
  /** Whether VmHWM was reset at `resetUsage` (writing 5 to /proc/self/clear_refs); if not it is the lifetime peak. */
  vmHwmSinceReset: boolean;
  peakHeapMb: number;
  cpuSeconds: number;
  /** CPU time over wall time since the reset; 1.0 = one core fully busy. */
  cpuCores: number;
  wallMs: number;
}

/** Request name -> [arguments, result]. */
export interface AppCommands {
  startScheduler: [{ jobs: Array<{ name: AppJobName; everyMs: number }> }, { started: string[] }];
  stopScheduler: [Record<string, never>, { waitedMs: number; allFinished: boolean }];
  runInventory: [{ offsetMs: number; storeId: string }, InventorySyncSummary];
  resetUsage: [Record<string, never>, AppUsage];
  usage: [Record<string, never>, AppUsage];
  limiterStats: [{ hash: string }, RateLimiterStats];
  webhookCounts: [Record<string, never>, WebhookCounts];
  shutdown: [Record<string, never>, { ok: true }];
}

export type AppCommandName = keyof AppCommands;

export interface AppRequest<K extends AppCommandName = AppCommandName> {
  id: number;
  cmd: K;
  args: AppCommands[K][0];
}

export type AppReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Sent once, unsolicited, when the receiver is listening. */
export interface AppReady {
  ready: true;
  port: number;
  pid: number;
}
