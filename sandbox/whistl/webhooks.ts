export type WebhookEvent = 'despatched' | 'cancelled' | 'delivered' | 'split';

export interface WebhookDelivery {
  id: number;
  event: WebhookEvent;
  orderId: number;
  url: string;
  /** Sandbox time the event happened. */
  at: number;
  outcome: 'pending' | 'delivered' | 'failed' | 'dropped';
  status?: number;
  error?: string;
}

const DELIVERY_TIMEOUT_MS = 5_000;
const KEEP_DELIVERIES = 1_000;

/**
 * ConnectAction deliveries: one unsigned POST of the order JSON per event, no retry (the live
 * retry policy is undocumented, so the connector must not rely on one).
 */
export class WebhookDispatcher {
  private readonly log: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private nextId = 1;

  constructor(
    private readonly shouldDrop: () => boolean,
    private readonly fetchImpl: typeof fetch = globalThis.fetch,
  ) {}

  deliver(event: WebhookEvent, orderId: number, url: string, body: unknown, at: number): void {
    const delivery: WebhookDelivery = { id: this.nextId++, event, orderId, url, at, outcome: 'pending' };
    this.log.push(delivery);
    if (this.log.length > KEEP_DELIVERIES) this.log.shift();
    if (this.shouldDrop()) {
      delivery.outcome = 'dropped';
      return;
    }
    const sending = this.post(delivery, body).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async post(delivery: WebhookDelivery, body: unknown): Promise<void> {
    try {
      const response = await this.fetchImpl(delivery.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      delivery.status = response.status;
      delivery.outcome = response.ok ? 'delivered' : 'failed';
    } catch (error) {
      delivery.outcome = 'failed';
      delivery.error = error instanceof Error ? error.message : String(error);
    }
  }

  /** Resolves when every delivery started so far has finished. */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  deliveries(): WebhookDelivery[] {
    return this.log.map((d) => ({ ...d }));
  }
}
