import type { FaultsInput } from './control-schemas';
import { faultsSchema, parseInput } from './control-schemas';

export interface FaultState {
  latencyMs: number;
  errorRate: number;
  errorStatus: number;
  failNext?: { count: number; status: number; route?: string };
  throttle?: { count?: number; untilMs?: number; retryAfterSeconds: number; route?: string };
  timeoutAfterCommit?: { count: number; mode: 'destroy' | 'delay'; delayMs: number };
  unauthorized?: { count: number };
  dropWebhooks?: { count?: number; rate: number };
}

export type PreHandleFault =
  | { kind: 'none' }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'error'; status: number }
  | { kind: 'unauthorized' };

const NO_FAULTS: FaultState = { latencyMs: 0, errorRate: 0, errorStatus: 503 };

/** The fault knobs and the decisions they imply, one call at a time. */
export class Faults {
  private state: FaultState = { ...NO_FAULTS };

  constructor(
    private readonly now: () => number,
    private readonly random: () => number = Math.random,
  ) {}

  /** Replaces the knobs named in `input`; knobs not named are left as they are. */
  set(input: FaultsInput): FaultState {
    const parsed = parseInput(faultsSchema, input, 'faults');
    const next: FaultState = { ...this.state };
    if (parsed.latencyMs !== undefined) next.latencyMs = parsed.latencyMs;
    if (parsed.errorRate !== undefined) next.errorRate = parsed.errorRate;
    if (parsed.errorStatus !== undefined) next.errorStatus = parsed.errorStatus;
    if (parsed.failNext) next.failNext = { ...parsed.failNext, status: parsed.failNext.status ?? 503 };
    if (parsed.throttle) {
      next.throttle = {
        count: parsed.throttle.count,
        untilMs: parsed.throttle.durationMs === undefined ? undefined : this.now() + parsed.throttle.durationMs,
        retryAfterSeconds: parsed.throttle.retryAfterSeconds ?? 1,
        route: parsed.throttle.route,
      };
    }
    if (parsed.timeoutAfterCommit) {
      next.timeoutAfterCommit = { ...parsed.timeoutAfterCommit, delayMs: parsed.timeoutAfterCommit.delayMs ?? 60_000 };
    }
    if (parsed.unauthorized) next.unauthorized = parsed.unauthorized;
    if (parsed.dropWebhooks) next.dropWebhooks = { count: parsed.dropWebhooks.count, rate: parsed.dropWebhooks.rate ?? 0 };
    this.state = next;
    return this.get();
  }

  clear(): void {
    this.state = { ...NO_FAULTS };
  }

  get(): FaultState {
    return structuredClone(this.state);
  }

  get latencyMs(): number {
    return this.state.latencyMs;
  }

  /** Decides, before the handler runs, whether this /api call fails. Consumes one-shot counts. */
  beforeHandle(route: string): PreHandleFault {
    const throttle = this.state.throttle;
    if (throttle && (!throttle.route || throttle.route === route)) {
      const inWindow = throttle.untilMs !== undefined && this.now() < throttle.untilMs;
      const counted = throttle.count !== undefined && throttle.count > 0;
      if (counted) throttle.count = (throttle.count ?? 1) - 1;
      if (inWindow || counted) return { kind: 'throttle', retryAfterSeconds: throttle.retryAfterSeconds };
    }
    const failNext = this.state.failNext;
    if (failNext && failNext.count > 0 && (!failNext.route || failNext.route === route)) {
      failNext.count -= 1;
      return { kind: 'error', status: failNext.status };
    }
    if (this.state.errorRate > 0 && this.random() < this.state.errorRate) {
      return { kind: 'error', status: this.state.errorStatus };
    }
    const unauthorized = this.state.unauthorized;
    if (unauthorized && unauthorized.count > 0) {
      unauthorized.count -= 1;
      return { kind: 'unauthorized' };
    }
    return { kind: 'none' };
  }

  /** After a create has been committed: lose the response? */
  loseCreateResponse(): { mode: 'destroy' | 'delay'; delayMs: number } | undefined {
    const knob = this.state.timeoutAfterCommit;
    if (!knob || knob.count <= 0) return undefined;
    knob.count -= 1;
    return { mode: knob.mode, delayMs: knob.delayMs };
  }

  dropWebhook(): boolean {
    const knob = this.state.dropWebhooks;
    if (!knob) return false;
    if (knob.count !== undefined && knob.count > 0) {
      knob.count -= 1;
      return true;
    }
    return knob.rate > 0 && this.random() < knob.rate;
  }
}
