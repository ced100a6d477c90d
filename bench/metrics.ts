/** Small measuring helpers for the benchmark: percentiles, memory and CPU sampling. */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function round(value: number, digits = 0): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export interface ResourceReport {
  peakRssMb: number;
  peakHeapMb: number;
  /** CPU time (user + system) over wall time; 1.0 = one core fully busy. */
  cpuCores: number;
  cpuSeconds: number;
  wallMs: number;
}

/** Samples RSS every `everyMs` until stopped; reports the peak and CPU used meanwhile. */
export function startResourceSampler(everyMs = 250): { stop(): ResourceReport } {
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      sample();
      clearInterval(timer);
      const cpu = process.cpuUsage(cpuStart);
      const wallMs = Date.now() - started;
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      return {
        peakRssMb: round(peakRss / 1024 / 1024, 1),
        peakHeapMb: round(peakHeap / 1024 / 1024, 1),
        cpuSeconds: round(cpuSeconds, 1),
        cpuCores: round(cpuSeconds / Math.max(0.001, wallMs / 1000), 2),
        wallMs,
      };
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Polls `done` until it is true, `timeoutMs` passes or `signal` aborts. Returns whether it finished. */
export async function waitFor(done: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 500, signal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal?.aborted) return false;
    if (await done()) return true;
    if (Date.now() > deadline || signal?.aborted) return false;
    await sleep(everyMs);
  }
}

/** Adds up counters whose key matches. */
export function sumCalls(calls: Record<string, number>, match: (key: string) => boolean): number {
  return Object.entries(calls).reduce((sum, [key, count]) => (match(key) ? sum + count : sum), 0);
}

/** Waits until no scheduled job run is unfinished (the in-process scheduler has no "stop and wait"). */
export async function waitForJobsToFinish(db: { jobRun: { count(args: { where: { finishedAt: null } }): Promise<number> } }, timeoutMs = 60_000): Promise<boolean> {
  return waitFor(async () => (await db.jobRun.count({ where: { finishedAt: null } })) === 0, timeoutMs, 250);
}
