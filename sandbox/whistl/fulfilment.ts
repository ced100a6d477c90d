import { SandboxInputError } from './errors';
import { PROGRESSION, STATUS, STATUS_NAMES, type SandboxAccount, type SandboxOrder, type SandboxOrderLine } from './model';
import { orderJson } from './serialize';
import type { SandboxState } from './state';
import type { WebhookDispatcher, WebhookEvent } from './webhooks';
import type { SplitInput, StockLevelInput } from './control-schemas';
import { explicitParts, spreadUnits } from './split-parts';

const DESPATCHED: readonly number[] = [STATUS.DESPATCHED, STATUS.INVOICED, STATUS.INVOICEFAILED];
const ADVANCING: readonly number[] = [STATUS.NEW, STATUS.PRINTED, STATUS.PICKED];

/**
 * What happens to orders after creation: stock allocation, the warehouse's status progression,
 * despatch (whole or split in parts), cancellation, and the ConnectAction webhooks they fire.
 */
export class Fulfilment {
  constructor(
    private readonly state: SandboxState,
    private readonly webhooks: WebhookDispatcher,
  ) {}

  private now(): number {
    return this.state.clock.now();
  }

  /** Takes the lines off free stock in the order's warehouse, if all of them fit. */
  tryAllocate(account: SandboxAccount, order: SandboxOrder, at: number): boolean {
    if (order.allocated) return true;
    const needed = new Map<number, number>();
    for (const line of order.lines) needed.set(line.productId, (needed.get(line.productId) ?? 0) + line.quantity);
    for (const [productId, quantity] of needed) {
      const cell = account.products.get(productId)?.stock.get(order.warehouseId);
      if (!cell || cell.onHand - cell.allocated < quantity) return false;
    }
    for (const line of order.lines) this.adjustCell(account, order.warehouseId, line, 0, line.quantity, at);
    order.allocated = true;
    return true;
  }

  private release(account: SandboxAccount, order: SandboxOrder, at: number): void {
    if (!order.allocated) return;
    for (const line of order.lines) this.adjustCell(account, order.warehouseId, line, 0, -line.quantity, at);
    order.allocated = false;
  }

  private adjustCell(
    account: SandboxAccount,
    warehouseId: number,
    line: SandboxOrderLine,
    onHandDelta: number,
    allocatedDelta: number,
    at: number,
  ): void {
    const product = account.products.get(line.productId);
    if (!product) return;
    const cell = product.stock.get(warehouseId) ?? { onHand: 0, allocated: 0, lastUpdated: at };
    cell.onHand += onHandDelta;
    cell.allocated += allocatedDelta;
    cell.lastUpdated = at;
    product.stock.set(warehouseId, cell);
  }

  setStock(account: SandboxAccount, levels: StockLevelInput[]): void {
    const at = this.now();
    const changes = levels.map((level) => {
      const product = [...account.products.values()].find((p) => p.sku === level.sku);
      if (!product) throw new SandboxInputError(`Unknown SKU '${level.sku}' in account ${account.id}`);
      const warehouseId = level.warehouseId ?? account.warehouses[0]?.id;
      if (warehouseId === undefined || !account.warehouses.some((w) => w.id === warehouseId)) {
        throw new SandboxInputError(`No warehouse ${String(level.warehouseId)} in account ${account.id}`);
      }
      return { product, warehouseId, onHand: level.onHand };
    });
    for (const { product, warehouseId, onHand } of changes) {
      const cell = product.stock.get(warehouseId) ?? { onHand: 0, allocated: 0, lastUpdated: at };
      cell.onHand = onHand;
      cell.lastUpdated = at;
      product.stock.set(warehouseId, cell);
    }
    this.releaseBackorders(account, at);
  }

  /** Backordered orders take newly arrived stock, oldest first, and become NEW. */
  private releaseBackorders(account: SandboxAccount, at: number): void {
    const waiting = [...account.orders.values()].filter((o) => o.statusId === STATUS.ONBACKORDER).sort((a, b) => a.id - b.id);
    for (const order of waiting) {
      if (this.tryAllocate(account, order, at)) this.setStatus(order, STATUS.NEW, at);
    }
  }

  private setStatus(order: SandboxOrder, statusId: number, at: number): void {
    order.statusId = statusId;
    order.statusChangedAt = at;
    order.lastUpdated = at;
  }

  private fire(event: WebhookEvent, order: SandboxOrder, at: number): void {
    const url = order.connectAction?.[event];
    if (url) this.webhooks.deliver(event, order.id, url, orderJson(order), at);
  }

  private despatch(account: SandboxAccount, order: SandboxOrder, at: number): void {
    for (const line of order.lines) {
      this.adjustCell(account, order.warehouseId, line, -line.quantity, order.allocated ? -line.quantity : 0, at);
    }
    order.allocated = false;
    const service = account.courierServices.find((s) => s.id === order.courierServiceId);
    order.trackingNumber = `WT${String(order.id).padStart(9, '0')}GB`;
    const template = service?.trackingUrl ?? 'https://track.whistl.example/{TrackingNumber}';
    order.trackingUrl = template.includes('{TrackingNumber}')
      ? template.replace('{TrackingNumber}', order.trackingNumber)
      : `${template}${encodeURIComponent(order.trackingNumber)}`;
    order.despatchDate = at;
    this.setStatus(order, STATUS.DESPATCHED, at);
    this.fire('despatched', order, at);
  }

  /** Whistl's `GET /api/Order/{id}/Cancel`: only while NEW. */
  cancelFromApi(account: SandboxAccount, order: SandboxOrder): { Success: boolean; Message: string } {
    if (order.statusId === STATUS.CANCELLED) return { Success: false, Message: `Order ${order.id} is already cancelled` };
    if (order.statusId !== STATUS.NEW) {
      const name = STATUS_NAMES[order.statusId] ?? String(order.statusId);
      return { Success: false, Message: `Order ${order.id} cannot be cancelled because its status is ${name}` };
    }
    this.cancel(account, order, this.now());
    return { Success: true, Message: `Order ${order.id} cancelled` };
  }

  private cancel(account: SandboxAccount, order: SandboxOrder, at: number): void {
    this.release(account, order, at);
    this.setStatus(order, STATUS.CANCELLED, at);
    this.fire('cancelled', order, at);
  }

  /** Control: move one order to a status the way the warehouse would, walking NEW → PRINTED → PICKED → DESPATCHED. */
  advance(account: SandboxAccount, order: SandboxOrder, target: number, at: number = this.now()): void {
    const current = order.statusId;
    if (current === target) return;
    if (current === STATUS.CANCELLED) throw new SandboxInputError(`Order ${order.id} is cancelled`);
    if (DESPATCHED.includes(current)) {
      if (current === STATUS.DESPATCHED && (target === STATUS.INVOICED || target === STATUS.INVOICEFAILED)) {
        this.setStatus(order, target, at);
        return;
      }
      throw new SandboxInputError(`Order ${order.id} is already despatched`);
    }
    if (target === STATUS.CANCELLED) {
      this.cancel(account, order, at);
      return;
    }
    const goal = target === STATUS.INVOICED || target === STATUS.INVOICEFAILED ? STATUS.DESPATCHED : target;
    const goalIndex = PROGRESSION.indexOf(goal);
    if (goalIndex === -1) {
      // A side state (HOLDING, QUERYRAISED, ONBACKORDER, ...): set directly.
      if (target === STATUS.ONBACKORDER) this.release(account, order, at);
      this.setStatus(order, target, at);
      return;
    }
    if (!order.allocated && !this.tryAllocate(account, order, at)) {
      throw new SandboxInputError(`Order ${order.id} is on backorder: not enough free stock to progress it`);
    }
    let index = PROGRESSION.indexOf(current);
    if (index === -1) index = 0; // leaving a side state resumes from NEW
    if (goalIndex < index) {
      throw new SandboxInputError(`Order ${order.id} cannot move back from ${STATUS_NAMES[current] ?? current}`);
    }
    if (PROGRESSION.indexOf(current) === -1) this.setStatus(order, STATUS.NEW, at);
    this.walk(account, order, goalIndex, at);
    if (target !== goal) this.setStatus(order, target, at);
  }

  private walk(account: SandboxAccount, order: SandboxOrder, goalIndex: number, at: number): void {
    for (let i = PROGRESSION.indexOf(order.statusId) + 1; i <= goalIndex; i += 1) {
      const next = PROGRESSION[i];
      if (next === undefined) return;
      if (next === STATUS.DESPATCHED) this.despatch(account, order, at);
      else this.setStatus(order, next, at);
    }
  }

  /** Control: every order of an account still short of `target` on the happy path is moved to it. */
  advanceAll(account: SandboxAccount, target: number): number {
    const at = this.now();
    let moved = 0;
    for (const order of [...account.orders.values()].sort((a, b) => a.id - b.id)) {
      if (!ADVANCING.includes(order.statusId)) continue;
      if (PROGRESSION.includes(target) && PROGRESSION.indexOf(order.statusId) >= PROGRESSION.indexOf(target)) continue;
      this.advance(account, order, target, at);
      moved += 1;
    }
    return moved;
  }

  restartClocks(): void {
    const now = this.now();
    for (const account of this.state.accounts.values()) {
      for (const order of account.orders.values()) order.statusChangedAt = Math.max(order.statusChangedAt, now);
    }
  }

  /** The clock: each order on the happy path moves one step per `stepMs` of sandbox time. */
  tick(stepMs: number): void {
    const now = this.now();
    for (const account of this.state.accounts.values()) {
      for (const order of account.orders.values()) {
        while (ADVANCING.includes(order.statusId) && now - order.statusChangedAt >= stepMs) {
          const at = order.statusChangedAt + stepMs;
          const next = PROGRESSION[PROGRESSION.indexOf(order.statusId) + 1];
          if (next === undefined) break;
          if (next === STATUS.DESPATCHED) this.despatch(account, order, at);
          else this.setStatus(order, next, at);
        }
      }
    }
  }

  /** Control: the carrier reports delivery; fires the `delivered` (ExtraCode3) webhook. */
  markDelivered(order: SandboxOrder): void {
    if (!DESPATCHED.includes(order.statusId)) {
      throw new SandboxInputError(`Order ${order.id} is not despatched, so it cannot be delivered`);
    }
    this.fire('delivered', order, this.now());
  }

  /** Control: split an order into parts (each its own order record and tracking) and despatch some or all. */
  split(account: SandboxAccount, order: SandboxOrder, input: SplitInput): SandboxOrder[] {
    if (!ADVANCING.includes(order.statusId)) {
      throw new SandboxInputError(`Order ${order.id} cannot be split in status ${STATUS_NAMES[order.statusId] ?? order.statusId}`);
    }
    if (order.numberOfParts > 1) throw new SandboxInputError(`Order ${order.id} is already split`);
    const partLines = typeof input.parts === 'number' ? spreadUnits(order, input.parts) : explicitParts(order, input.parts);
    const count = partLines.length;
    const despatchNow = input.despatchParts ?? partLines.map((_, i) => i + 1);
    for (const n of despatchNow) {
      if (n < 1 || n > count) throw new SandboxInputError(`despatchParts: there is no part ${n} of ${count}`);
    }
    const at = this.now();
    const parts: SandboxOrder[] = partLines.map((lines, i) => {
      if (i === 0) {
        order.lines = lines.map((l) => ({ ...l }));
        order.part = 1;
        order.numberOfParts = count;
        order.lastUpdated = at;
        return order;
      }
      const part: SandboxOrder = {
        ...structuredClone(order),
        id: this.state.orderId(),
        parentId: order.id,
        part: i + 1,
        numberOfParts: count,
        lines: lines.map((l) => ({ ...l, id: this.state.lineId() })),
        orderDate: order.orderDate,
        lastUpdated: at,
      };
      account.orders.set(part.id, part);
      return part;
    });
    this.fire('split', order, at);
    for (const n of despatchNow) {
      const part = parts[n - 1];
      if (part) this.advance(account, part, STATUS.DESPATCHED, at);
    }
    return parts;
  }
}
