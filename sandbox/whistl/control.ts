import { formatUkLocal } from '../../lib/whistl/uk-time';
import { SandboxClock } from './clock';
import {
  accountSeedSchema,
  autoAdvanceSchema,
  clockAdvanceSchema,
  parseInput,
  splitSchema,
  statusIdSchema,
  stockLevelsSchema,
  userSchema,
  type AccountSeed,
  type AutoAdvance,
  type FaultsInput,
  type SplitInput,
  type StockLevelInput,
} from './control-schemas';
import { SandboxInputError } from './errors';
import { Faults, type FaultState } from './faults';
import { Fulfilment } from './fulfilment';
import { STATUS_NAMES, type SandboxOrder } from './model';
import { SandboxState, type AccountCreated } from './state';
import { WebhookDispatcher, type WebhookDelivery } from './webhooks';

export interface OrderSummary {
  id: number;
  orderNumber: string;
  externalOrderReference: string | null;
  statusId: number;
  status: string;
  part: number;
  numberOfParts: number;
  trackingNumber: string | null;
  trackingUrl: string | null;
}

export interface SandboxControlOptions {
  /** Base clock, epoch ms. Default Date.now. */
  now?: () => number;
  /** Move every order one status step per `stepMs` of sandbox time. Default off. */
  autoAdvance?: AutoAdvance;
  /** For error-rate and webhook-drop decisions. Default Math.random. */
  random?: () => number;
  /** Used to deliver ConnectAction webhooks. Default global fetch. */
  fetch?: typeof fetch;
}

function summary(order: SandboxOrder): OrderSummary {
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    externalOrderReference: order.externalOrderReference,
    statusId: order.statusId,
    status: STATUS_NAMES[order.statusId] ?? String(order.statusId),
    part: order.part,
    numberOfParts: order.numberOfParts,
    trackingNumber: order.trackingNumber,
    trackingUrl: order.trackingUrl,
  };
}

function positiveId(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new SandboxInputError(`Invalid ${what}: expected a positive whole number`);
  }
  return value;
}

/**
 * The simulator's control surface, in-process. Every method validates its input and throws
 * SandboxInputError (HTTP 400) or SandboxNotFoundError (HTTP 404); the HTTP control API under
 * `/_sandbox/...` calls exactly these methods.
 */
export class WhistlSandboxControl {
  protected readonly clock: SandboxClock;
  protected readonly state: SandboxState;
  protected readonly faults: Faults;
  protected readonly webhooks: WebhookDispatcher;
  protected readonly fulfilment: Fulfilment;
  private readonly calls = new Map<string, number>();
  private autoAdvance: AutoAdvance;
  private timer: NodeJS.Timeout | undefined;

  constructor(options: SandboxControlOptions = {}) {
    this.clock = new SandboxClock(options.now);
    this.state = new SandboxState(this.clock);
    this.faults = new Faults(() => this.clock.now(), options.random);
    this.webhooks = new WebhookDispatcher(() => this.faults.dropWebhook(), options.fetch);
    this.fulfilment = new Fulfilment(this.state, this.webhooks);
    this.autoAdvance = options.autoAdvance ? parseInput(autoAdvanceSchema, options.autoAdvance, 'autoAdvance') : { enabled: false, stepMs: 60_000 };
  }

  createAccount(seed: AccountSeed): AccountCreated {
    return this.state.createAccount(parseInput(accountSeedSchema, seed, 'account'));
  }

  /** Adds a login, or changes its password. */
  setUser(accountId: string, user: { username: string; password: string }): void {
    const parsed = parseInput(userSchema, user, 'user');
    this.state.setUser(accountId, parsed.username, parsed.password);
  }

  /** Sets on-hand stock; free stock (`Level`) is on hand minus allocations. Backorders that now fit become NEW. */
  setStock(accountId: string, levels: StockLevelInput[]): void {
    const parsed = parseInput(stockLevelsSchema, levels, 'stock levels');
    this.fulfilment.setStock(this.state.account(accountId), parsed);
  }

  advanceOrder(orderId: number, statusId: number): OrderSummary {
    const target = parseInput(statusIdSchema, statusId, 'statusId');
    this.tick();
    const { account, order } = this.state.order(positiveId(orderId, 'order id'));
    this.fulfilment.advance(account, order, target);
    return summary(order);
  }

  advanceAllOrders(accountId: string, statusId: number): { moved: number } {
    const target = parseInput(statusIdSchema, statusId, 'statusId');
    this.tick();
    return { moved: this.fulfilment.advanceAll(this.state.account(accountId), target) };
  }

  /** Splits an order into parts, each an order record with its own tracking, and despatches them. */
  despatchInParts(orderId: number, input: SplitInput): OrderSummary[] {
    const parsed = parseInput(splitSchema, input, 'split');
    this.tick();
    const { account, order } = this.state.order(positiveId(orderId, 'order id'));
    return this.fulfilment.split(account, order, parsed).map(summary);
  }

  /** Fires the order's `delivered` webhook (ExtraCode3); the order must be despatched. */
  markDelivered(orderId: number): OrderSummary {
    const { order } = this.state.order(positiveId(orderId, 'order id'));
    this.fulfilment.markDelivered(order);
    return summary(order);
  }

  getOrder(orderId: number): OrderSummary {
    this.tick();
    return summary(this.state.order(positiveId(orderId, 'order id')).order);
  }

  /** Calls per endpoint, keyed like "PUT /api/Order" or "GET /api/Order/{id}". */
  callCounts(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  resetCallCounts(): void {
    this.calls.clear();
  }

  /** Sets the knobs named in `input` (others are kept). */
  setFaults(input: FaultsInput): FaultState {
    return this.faults.set(input);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  getFaults(): FaultState {
    return this.faults.get();
  }

  webhookDeliveries(): WebhookDelivery[] {
    return this.webhooks.deliveries();
  }

  /** Resolves when every webhook sent so far has been answered or failed. */
  flushWebhooks(): Promise<void> {
    return this.webhooks.flush();
  }

  setAutoAdvance(input: AutoAdvance): AutoAdvance {
    const parsed = parseInput(autoAdvanceSchema, input, 'autoAdvance');
    this.tick();
    // Switching the clock on: orders already waiting start counting now, not from their last change.
    if (parsed.enabled && !this.autoAdvance.enabled) this.fulfilment.restartClocks();
    this.autoAdvance = parsed;
    this.restartTimer();
    return { ...this.autoAdvance };
  }

  /** Moves sandbox time forward (key expiry, auto-advance) and runs the clock. */
  advanceClock(ms: number): { now: number; ukLocal: string } {
    this.clock.advance(parseInput(clockAdvanceSchema, { ms }, 'clock advance').ms);
    this.tick();
    return this.clockInfo();
  }

  clockInfo(): { now: number; ukLocal: string } {
    const now = this.clock.now();
    return { now, ukLocal: formatUkLocal(new Date(now)) };
  }

  /** Applies auto-advance up to the current sandbox time. Runs before every request. */
  tick(): void {
    if (this.autoAdvance.enabled) this.fulfilment.tick(this.autoAdvance.stepMs);
  }

  protected recordCall(key: string): void {
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
  }

  protected restartTimer(): void {
    this.stopTimer();
    if (!this.autoAdvance.enabled) return;
    this.timer = setInterval(() => this.tick(), Math.min(this.autoAdvance.stepMs, 1_000));
    this.timer.unref();
  }

  protected stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
