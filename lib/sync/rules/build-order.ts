import type { OrderLine, OrderShippingConsignment, OrderWithConsignments } from '../../bigcommerce/api/types';
import type { ConnectActionUrls, WhistlOrderInput, WhistlOrderLineInput } from '../../whistl/types';
import type { ExportProblem, ExportSettings } from '../types';
import { normalisePostcode, resolveCountryIso2, validateShippingAddress } from './address';
import { resolveCourierService } from './shipping';
import { toWhistlSku } from './sku';

/** Whistl's ExternalOrderReference is kept to this length. */
export const EXTERNAL_REFERENCE_MAX_LENGTH = 50;

export const ALL_DIGITAL_SKIP_REASON = 'All lines are digital or gift certificates: nothing to ship';
export const PICKUP_ONLY_SKIP_REASON =
  'All physical lines are collected in store and the rest are digital or gift certificates: nothing to ship';

export interface PlannedWhistlOrder {
  orderAddressId: number;
  orderNumber: string;
  externalOrderReference: string;
  input: WhistlOrderInput;
}

export type BuildResult =
  | { kind: 'skip'; reason: string }
  | { kind: 'invalid'; problems: ExportProblem[] }
  | { kind: 'ready'; orders: PlannedWhistlOrder[] };

/**
 * Fills `{orderId}` and `{storeHash}` in the store's order-number format. A format without
 * `{orderId}` would give every order the same number, so the id is appended to it.
 */
export function formatOrderNumber(format: string, values: { orderId: number; storeHash: string }): string {
  const template = format.trim() === '' ? '{orderId}' : format.trim();
  const withId = template.includes('{orderId}') ? template : `${template}{orderId}`;
  return withId.replaceAll('{orderId}', String(values.orderId)).replaceAll('{storeHash}', values.storeHash);
}

/** Short stable hash (FNV-1a, base 36) used only when a store hash would overflow the reference. */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * `BC-<storeHash>-<orderId>[-N]`: the idempotency key, stable for a store and order (and
 * address position when split). Kept within 50 characters by hashing an over-long store hash.
 */
export function externalOrderReference(storeHash: string, orderId: number, suffix = ''): string {
  const reference = `BC-${storeHash}-${orderId}${suffix}`;
  if (reference.length <= EXTERNAL_REFERENCE_MAX_LENGTH) return reference;
  return `BC-${shortHash(storeHash)}-${orderId}${suffix}`;
}

/** Lines that go to the warehouse: physical, with a positive quantity. */
export function warehouseLines(consignment: OrderShippingConsignment): OrderLine[] {
  return consignment.lines.filter((line) => line.type === 'physical' && line.quantity > 0);
}

function money(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? Math.round(parsed * 100) / 100 : undefined;
}

function optional(value: string | null | undefined): string | undefined {
  const cleaned = (value ?? '').replace(/\s+/gu, ' ').trim();
  return cleaned === '' ? undefined : cleaned;
}

function connectActionFrom(settings: ExportSettings): ConnectActionUrls | undefined {
  const despatched = optional(settings.connectAction?.despatched);
  const cancelled = optional(settings.connectAction?.cancelled);
  if (!despatched && !cancelled) return undefined;
  return { ...(despatched ? { despatched } : {}), ...(cancelled ? { cancelled } : {}) };
}

interface MergedItem {
  sku: string;
  quantity: number;
  /** Sum of unit price x quantity, or undefined if any merged line had no usable price. */
  value: number | undefined;
}

/**
 * Turns a paid BigCommerce order into the Whistl orders to create, or every reason it cannot go.
 *
 * - Digital, gift-certificate and pickup lines never go to the warehouse (only physical lines
 *   inside shipping consignments do; lines with quantity 0 are dropped). No physical line left:
 *   `skip` (ALL_DIGITAL_SKIP_REASON, or PICKUP_ONLY_SKIP_REASON when store pickup took them). Bundle children are physical lines of their own and are sent like any other line.
 * - One Whistl order per shipping address with physical lines, ordered by `orderAddressId` so a
 *   re-read numbers them the same way. With more than one, order number and reference get
 *   `-1`, `-2`, ... in that order; with one, no suffix.
 * - Every check runs before deciding: shipping method per address, every line's SKU, every
 *   address field. Any problem: `invalid` with all of them, deduplicated by reason key (the same
 *   bad SKU or unmapped method on two addresses is one problem).
 * - Quantity is the ordered quantity of each line (not minus `quantityShipped`): an order is
 *   exported once, before anything ships, and BigCommerce shipments made outside the app are not
 *   netted off. Lines mapping to the same Whistl SKU within one address are merged (quantities
 *   summed, unit price the quantity-weighted average).
 * - OrderValue is the BigCommerce order total (inc. tax) on the first Whistl order and left out
 *   of the others when split, so the Whistl orders add up to the BigCommerce total without
 *   counting it twice; every item still carries its unit price.
 * - Email and phone fall back to the billing address when the shipping address has none.
 */
export function buildWhistlOrders(order: OrderWithConsignments, settings: ExportSettings): BuildResult {
  const shipping = [...order.shippingAddresses]
    .map((consignment) => ({ consignment, lines: warehouseLines(consignment) }))
    .filter((entry) => entry.lines.length > 0)
    .sort((a, b) => a.consignment.orderAddressId - b.consignment.orderAddressId);

  if (shipping.length === 0) {
    const pickup = order.pickupLines.some((line) => line.type === 'physical' && line.quantity > 0);
    return { kind: 'skip', reason: pickup ? PICKUP_ONLY_SKIP_REASON : ALL_DIGITAL_SKIP_REASON };
  }

  const split = shipping.length > 1;
  const problems = new Map<string, ExportProblem>();
  const addProblem = (problem: ExportProblem) => {
    if (!problems.has(problem.reasonKey)) problems.set(problem.reasonKey, problem);
  };

  const drafts = shipping.map(({ consignment, lines }, index) => {
    const position = index + 1;
    const label = split ? `Shipping address ${position} of ${shipping.length}` : undefined;

    const courier = resolveCourierService(consignment.shippingMethod, settings.shipping);
    if ('problem' in courier) addProblem(courier.problem);

    for (const problem of validateShippingAddress(consignment, label)) addProblem(problem);

    const items = new Map<string, MergedItem>();
    for (const line of lines) {
      const sku = toWhistlSku(line.sku, settings.sku, { orderProductId: line.orderProductId, name: line.name });
      if ('problem' in sku) {
        addProblem(sku.problem);
        continue;
      }
      const price = money(line.priceIncTax);
      const existing = items.get(sku.sku);
      if (existing) {
        existing.quantity += line.quantity;
        existing.value =
          existing.value === undefined || price === undefined ? undefined : existing.value + price * line.quantity;
      } else {
        items.set(sku.sku, { sku: sku.sku, quantity: line.quantity, value: price === undefined ? undefined : price * line.quantity });
      }
    }

    return { consignment, position, courier, items: [...items.values()] };
  });

  if (problems.size > 0) return { kind: 'invalid', problems: [...problems.values()] };

  const connectAction = connectActionFrom(settings);
  const baseNumber = formatOrderNumber(settings.orderNumberFormat, { orderId: order.id, storeHash: settings.storeHash });

  const orders = drafts.map(({ consignment, position, courier, items }): PlannedWhistlOrder => {
    const suffix = split ? `-${position}` : '';
    const orderNumber = `${baseNumber}${suffix}`;
    const reference = externalOrderReference(settings.storeHash, order.id, suffix);
    const country = resolveCountryIso2(consignment) ?? '';
    const orderItems: WhistlOrderLineInput[] = items.map((item) => ({
      sku: item.sku,
      quantity: item.quantity,
      ...(item.value === undefined ? {} : { unitPrice: Math.round((item.value / item.quantity) * 100) / 100 }),
    }));
    const orderValue = position === 1 ? money(order.totalIncTax) : undefined;

    const input: WhistlOrderInput = {
      orderNumber,
      externalOrderReference: reference,
      firstName: optional(consignment.firstName),
      lastName: optional(consignment.lastName),
      companyName: optional(consignment.company),
      address1: optional(consignment.street1) ?? '',
      address2: optional(consignment.street2),
      town: optional(consignment.city) ?? '',
      county: optional(consignment.state),
      postCode: normalisePostcode(consignment.zip, country),
      country,
      email: optional(consignment.email) ?? optional(order.billingAddress.email),
      phone: optional(consignment.phone) ?? optional(order.billingAddress.phone),
      courierService: 'service' in courier ? courier.service : undefined,
      warehouseId: settings.warehouseId,
      currency: optional(order.currencyCode)?.toUpperCase(),
      orderValue,
      items: orderItems,
      ...(connectAction ? { connectAction } : {}),
    };
    // Leave unset optional fields out rather than sending explicit undefineds.
    for (const key of Object.keys(input) as (keyof WhistlOrderInput)[]) {
      if (input[key] === undefined) delete input[key];
    }
    return { orderAddressId: consignment.orderAddressId, orderNumber, externalOrderReference: reference, input };
  });

  return { kind: 'ready', orders };
}
