import type { BigCommerceClient, OrderWithConsignments } from '../../bigcommerce/api';
import type { DbClient, Prisma } from '../../db/types';
import type { OwnerTeam } from '../../generated/prisma/enums';
import { bigCommerceClientFor, whistlClientFor } from '../../stores/clients';
import type { WhistlAdapter } from '../../whistl';
import { loadExportContext } from '../export/context';
import { freeStockOf } from '../inventory/compute-target';
import { buildWhistlOrders, normaliseShippingMethod, ownerFor, resolveCountryIso2, resolveCourierService, toWhistlSku, warehouseLines } from '../rules';
import type { ExportSettings } from '../types';
import { Sample, Tally, rank } from './tally';
import {
  AUDIT_DEFAULT_DAYS,
  AUDIT_ITEM_LIMIT,
  type AuditFinding,
  type AuditItem,
  type AuditPhase,
  type AuditReport,
  type AuditView,
  type FindingId,
} from './types';

/** A RUNNING audit older than this died with its process: a new one may start. */
const STALE_AFTER_MS = 60 * 60 * 1000;
const ORDER_PAGE_SIZE = 250;
const WHISTL_PRODUCT_PAGE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The vendor calls an audit makes: reads only. Tests and scripts swap them. */
export interface AuditVendors {
  bigCommerce(): Promise<Pick<BigCommerceClient, 'orders' | 'catalogList' | 'shipping'>>;
  whistl(): Promise<{ client: Pick<WhistlAdapter, 'listProducts' | 'getStockLevels'>; warehouseId: number }>;
}

export function storeAuditVendors(db: DbClient, storeId: string): AuditVendors {
  return {
    bigCommerce: () => bigCommerceClientFor(db, storeId),
    whistl: () => whistlClientFor(db, storeId),
  };
}

export async function getAudit(db: DbClient, storeId: string, auditId?: string): Promise<AuditView | null> {
  const audit = await db.integrationAudit.findFirst({
    where: { storeId, ...(auditId ? { id: auditId } : {}) },
    orderBy: { startedAt: 'desc' },
  });
  if (!audit) return null;
  return {
    id: audit.id,
    status: audit.status,
    days: audit.days,
    phase: (audit.phase as AuditPhase | null) ?? null,
    ordersScanned: audit.ordersScanned,
    productsScanned: audit.productsScanned,
    productsTotal: audit.productsTotal,
    requests: audit.requests,
    report: audit.status === 'DONE' ? (audit.result as unknown as AuditReport) : null,
    error: audit.error,
    startedAt: audit.startedAt.toISOString(),
    finishedAt: audit.finishedAt?.toISOString() ?? null,
  };
}

/** Records a new audit unless one is running (a double click starts one). Run it with `runAudit`. */
export async function startAudit(db: DbClient, storeId: string, days = AUDIT_DEFAULT_DAYS, now = new Date()): Promise<{ auditId: string; started: boolean }> {
  const running = await db.integrationAudit.findFirst({ where: { storeId, status: 'RUNNING' }, orderBy: { startedAt: 'desc' } });
  if (running && now.getTime() - running.startedAt.getTime() < STALE_AFTER_MS) return { auditId: running.id, started: false };
  await db.integrationAudit.updateMany({
    where: { storeId, status: 'RUNNING' },
    data: { status: 'FAILED', error: 'Stopped before it finished (the app restarted); run the audit again.', finishedAt: now },
  });
  const audit = await db.integrationAudit.create({ data: { storeId, days, startedAt: now } });
  return { auditId: audit.id, started: true };
}

interface OrderFindings {
  /** Products with an order line without a SKU (a catalog entry without a variant id matches on these). */
  emptyProducts: Set<number>;
  methods: Tally;
  policy: Tally;
  empty: Tally;
  missing: Tally;
  address: Tally;
  sold: Tally;
}

/**
 * The audit: reads Whistl's products and stock, every order created in the period (any status,
 * page by page at low priority so live sync goes first), the whole catalog and every shipping
 * method, and runs the export rules on each — exactly the functions the export uses. Nothing is
 * written to BigCommerce or Whistl. Never throws: a failure is recorded on the audit row.
 */
export async function runAudit(db: DbClient, storeId: string, auditId: string, vendors: AuditVendors, now = new Date()): Promise<void> {
  let requestsBc = 0;
  let requestsWhistl = 0;
  const progress = (data: Prisma.IntegrationAuditUpdateInput) =>
    db.integrationAudit.update({ where: { id: auditId }, data: { ...data, requests: requestsBc + requestsWhistl } });
  try {
    const audit = await db.integrationAudit.findUniqueOrThrow({ where: { id: auditId } });
    const since = new Date(now.getTime() - audit.days * DAY_MS);

    // --- Whistl: which SKUs exist, and their stock in the store's warehouse.
    await progress({ phase: 'whistl' });
    const { client: whistl, warehouseId } = await vendors.whistl();
    const context = await loadExportContext(db, storeId, warehouseId);
    const settings = context.settings;
    const whistlSkus = new Set<string>();
    for (let page = 1; ; page += 1) {
      const result = await whistl.listProducts({ page, limit: WHISTL_PRODUCT_PAGE });
      requestsWhistl += 1;
      for (const product of result.items) whistlSkus.add(product.sku);
      if (!result.hasMore || result.items.length === 0) break;
    }
    const storeSettings = await db.storeSettings.findUnique({ where: { storeId } });
    const figure = storeSettings?.stockFigure ?? 'LEVEL';
    const stock = new Map<string, number>();
    for (const level of await whistl.getStockLevels({ warehouseId })) {
      if (level.warehouseId !== warehouseId || level.sku === '') continue;
      stock.set(level.sku, freeStockOf(level, figure));
    }
    requestsWhistl += 1;
    await progress({});

    // --- Orders of the period: keyset paging by id, aggregated as they stream.
    await progress({ phase: 'orders' });
    const bc = await vendors.bigCommerce();
    const found: OrderFindings = { emptyProducts: new Set(), methods: new Tally(), policy: new Tally(), empty: new Tally(), missing: new Tally(), address: new Tally(), sold: new Tally() };
    const totals = { total: 0, clean: 0, blocked: 0, nothingToShip: 0 };
    let minId = 1;
    for (;;) {
      const page = await bc.orders.listPage({ minDateModified: since, minId, sort: 'id:asc', page: 1, limit: ORDER_PAGE_SIZE }, { priority: 'low' });
      requestsBc += 1;
      for (const order of page) {
        minId = Math.max(minId, order.id + 1);
        if (order.dateCreated < since) continue;
        totals.total += 1;
        const verdict = auditOrder(order, settings, whistlSkus, found);
        totals[verdict] += 1;
      }
      await progress({ ordersScanned: totals.total });
      if (page.length < ORDER_PAGE_SIZE) break;
    }

    // --- The whole catalog: SKUs that would fail, even if nobody bought them yet.
    await progress({ phase: 'catalog' });
    const catalogPolicy = new Sample();
    const catalogEmpty = new Sample();
    const catalogMissing = new Sample();
    let products = 0;
    let variants = 0;
    for await (const page of bc.catalogList.iterateProductPages({ priority: 'low' })) {
      requestsBc += 1;
      for (const product of page.products) {
        products += 1;
        if (product.type === 'digital') continue;
        const entries = product.variants.length > 0 ? product.variants.map((v) => ({ variantId: v.id as number | null, sku: v.sku })) : [{ variantId: null, sku: product.sku }];
        for (const entry of entries) {
          variants += 1;
          const where = `Product ${product.id}${entry.variantId ? `, variant ${entry.variantId}` : ''}`;
          if (entry.sku.trim() === '') {
            const sold = entry.variantId === null ? found.emptyProducts.has(product.id) : found.empty.has(`${product.id}:${entry.variantId}`);
            if (!sold) catalogEmpty.offer(item(`${product.id}:${entry.variantId ?? 0}`, product.name, `${where}: no SKU`));
            continue;
          }
          const resolution = toWhistlSku(entry.sku, settings.sku, { name: product.name });
          if ('problem' in resolution) {
            if (!found.policy.has(entry.sku.trim())) catalogPolicy.offer(item(entry.sku.trim(), entry.sku.trim(), `${product.name} (${where}): ${resolution.problem.message}`));
          } else if (!whistlSkus.has(resolution.sku) && !found.missing.has(resolution.sku)) {
            catalogMissing.offer(item(resolution.sku, resolution.sku, `${product.name} (${where})${resolution.sku !== entry.sku ? `, BigCommerce SKU ${entry.sku}` : ''}`));
          }
        }
      }
      await progress({ productsScanned: products, productsTotal: Math.max(page.total ?? products, products) });
    }

    // --- Every shipping method the store offers.
    await progress({ phase: 'shipping' });
    const zones = await bc.shipping.listZonesWithMethods({ priority: 'low' });
    requestsBc += 1 + zones.length;
    let offered = 0;
    const offeredUnmapped = new Set<string>();
    for (const { zone, methods } of zones) {
      for (const method of methods) {
        if (!method.enabled) continue;
        offered += 1;
        const resolution = resolveCourierService(method.name, settings.shipping);
        if (!('problem' in resolution)) continue;
        const key = normaliseShippingMethod(method.name);
        offeredUnmapped.add(key);
        const existing = found.methods.get(key);
        if (existing) existing.detail = appendDetail(existing.detail, `Offered in ${zone.name}`);
        else found.methods.add(key, method.name.trim(), { detail: `Offered in ${zone.name}; no orders in the period yet` });
      }
    }

    // --- Settings and stock risks.
    await progress({ phase: 'settings' });
    const overrides = new Map<string, number>();
    let cursor: string | undefined;
    for (;;) {
      const rows = await db.inventorySku.findMany({
        where: { storeId, bufferOverride: { not: null } },
        select: { id: true, whistlSku: true, bufferOverride: true },
        orderBy: { id: 'asc' },
        take: 1000,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      });
      for (const row of rows) if (row.bufferOverride !== null) overrides.set(row.whistlSku, row.bufferOverride);
      if (rows.length < 1000) break;
      cursor = rows[rows.length - 1]!.id;
    }
    const defaultBuffer = storeSettings?.defaultStockBuffer ?? 0;
    const alertTeams = await db.alertChannel.findMany({ where: { storeId, enabled: true }, select: { ownerTeam: true }, distinct: ['ownerTeam'] });

    const findings: AuditFinding[] = [];
    const push = (finding: Omit<AuditFinding, 'delta'>) => {
      if (finding.count > 0) findings.push({ ...finding, delta: null });
    };

    push({
      id: 'unmapped-shipping',
      severity: 'blocking',
      title: 'Shipping methods not mapped to a Whistl courier service',
      count: found.methods.size,
      orders: countOrders(found.methods),
      fix: 'Map each method to a Whistl courier service (or set a default service). Orders already held are re-queued when you save.',
      link: { href: '/shipping-mappings', label: 'Shipping mappings' },
      items: found.methods.ranked('orders'),
    });
    push({
      id: 'sku-policy',
      severity: 'blocking',
      title: 'SKUs the Whistl SKU policy rejects',
      count: found.policy.size + catalogPolicy.count,
      orders: countOrders(found.policy),
      fix: 'Change the SKU in BigCommerce to match Whistl, or add an alias or a transform (strip characters, upper-case) on the SKU rules page.',
      link: { href: '/sku-rules', label: 'SKU rules' },
      items: withCatalog(found.policy.ranked('units'), catalogPolicy),
    });
    push({
      id: 'sku-empty',
      severity: 'blocking',
      title: 'Products without a SKU',
      count: found.empty.size + catalogEmpty.count,
      orders: countOrders(found.empty),
      fix: 'Give each variant a SKU in BigCommerce that matches the product at Whistl; until then its orders cannot be picked.',
      link: { href: '/sku-rules', label: 'SKU rules' },
      items: withCatalog(found.empty.ranked('units'), catalogEmpty),
    });
    push({
      id: 'sku-missing-at-whistl',
      severity: 'blocking',
      title: 'SKUs Whistl does not know',
      count: found.missing.size + catalogMissing.count,
      orders: countOrders(found.missing),
      fix: 'Create these products at Whistl, or add an alias to the SKU Whistl uses. Whistl rejects orders with unknown SKUs.',
      link: { href: '/sku-rules', label: 'SKU rules and catalog scan' },
      items: withCatalog(found.missing.ranked('units'), catalogMissing),
    });
    push({
      id: 'address',
      severity: 'blocking',
      title: 'Shipping addresses Whistl would not accept',
      count: found.address.size,
      orders: countOrders(found.address),
      fix: 'Correct the address on the order in BigCommerce (most often the postcode), then retry it from the exception queue. Check the checkout validates postcodes for these countries.',
      link: { href: '/exceptions', label: 'Exception queue' },
      items: found.address.ranked('orders'),
    });

    const noRecord: AuditItem[] = [];
    const short: AuditItem[] = [];
    for (const sold of found.sold.values()) {
      const free = stock.get(sold.key);
      if (free === undefined) noRecord.push({ ...sold, detail: whistlSkus.has(sold.key) ? 'A Whistl product with no stock record in this warehouse' : 'Not a Whistl product' });
      else if (free < sold.units) short.push({ ...sold, detail: `${free} free at Whistl; ${sold.units} sold in ${audit.days} days` });
    }
    push({
      id: 'stock-no-record',
      severity: 'risk',
      title: 'SKUs sold in the period with no Whistl stock record',
      count: noRecord.length,
      orders: null,
      fix: 'Book stock in at Whistl (or fix the SKU mapping); until then the storefront stock for these cannot be synced.',
      link: { href: '/inventory', label: 'Inventory' },
      items: rank(noRecord, 'units').slice(0, AUDIT_ITEM_LIMIT),
    });
    push({
      id: 'stock-short',
      severity: 'risk',
      title: 'SKUs that sold more in the period than Whistl now holds',
      count: short.length,
      orders: null,
      fix: 'Replenish at Whistl before peak, or raise the stock buffer so the storefront stops selling what the warehouse cannot ship.',
      link: { href: '/inventory', label: 'Inventory' },
      items: rank(short, 'units').slice(0, AUDIT_ITEM_LIMIT),
    });

    const buffered = new Sample();
    const levels: number[] = [];
    for (const [sku, free] of stock) {
      if (free > 0) levels.push(free);
      const buffer = overrides.get(sku) ?? defaultBuffer;
      if (buffer > 0 && free > 0 && buffer >= free) {
        buffered.offer({ ...item(sku, sku, `Buffer ${buffer}${overrides.has(sku) ? ' (SKU override)' : ' (store default)'} holds back all ${free} free units`), units: found.sold.get(sku)?.units ?? 0 });
      }
    }
    push({
      id: 'stock-buffer',
      severity: 'risk',
      title: 'Stock buffers as large as the stock itself',
      count: buffered.count,
      orders: null,
      fix: 'Lower the buffer for these SKUs: the storefront shows them out of stock while Whistl holds units.',
      link: { href: '/inventory', label: 'Inventory buffers' },
      items: rank(buffered.items, 'units'),
    });
    const typical = median(levels);
    if (defaultBuffer > 0 && typical !== null && defaultBuffer >= typical) {
      push({
        id: 'settings-default-buffer',
        severity: 'setting',
        title: 'The default stock buffer is larger than typical stock',
        count: 1,
        orders: null,
        fix: `The default buffer of ${defaultBuffer} is at least the median free stock (${typical}) of your Whistl SKUs, so most products show as out of stock. Lower it, and override it per SKU where needed.`,
        link: { href: '/inventory', label: 'Inventory settings' },
        items: [item('defaultStockBuffer', 'Default stock buffer', `${defaultBuffer} units; median free stock ${typical}`)],
      });
    }
    if (!storeSettings?.cutoffTime) {
      push({
        id: 'settings-cutoff',
        severity: 'setting',
        title: 'No courier cutoff time is set',
        count: 1,
        orders: null,
        fix: "Set the time of the last parcel collection so the dashboard can warn about orders that will miss today's despatch.",
        link: { href: '/settings', label: 'Settings' },
        items: [item('cutoffTime', 'Cutoff time', 'Not set')],
      });
    }
    const covered = new Set<OwnerTeam>(alertTeams.map((row) => row.ownerTeam));
    const ownerTeams = new Set<OwnerTeam>(
      (['UNMAPPED_SHIPPING', 'INVALID_SKU', 'MISSING_SKU', 'INVALID_ADDRESS', 'WHISTL_REJECTED', 'EXPORT_FAILED', 'CANCEL_FAILED', 'WHISTL_STUCK', 'STATUS_DRIFT', 'WRITEBACK_FAILED', 'STOCK_PUSH_FAILED'] as const).map((type) =>
        ownerFor(type, context.ownerOverrides),
      ),
    );
    const uncovered = [...ownerTeams].filter((team) => !covered.has(team)).sort();
    push({
      id: 'settings-alerts',
      severity: 'setting',
      title: 'Owner teams with no alert channel',
      count: uncovered.length,
      orders: null,
      fix: 'Add a Slack or email channel for each team that owns exceptions, so problems reach someone who can fix them.',
      link: { href: '/settings', label: 'Alert settings' },
      items: uncovered.map((team) => item(team, TEAM_LABELS[team], 'Owns exceptions but has no enabled alert channel')),
    });

    const withSomething = totals.clean + totals.blocked;
    const report: AuditReport = {
      days: audit.days,
      since: since.toISOString(),
      generatedAt: new Date().toISOString(),
      orders: { ...totals, cleanShare: withSomething === 0 ? null : totals.clean / withSomething },
      catalog: { products, variants },
      whistl: { products: whistlSkus.size, stockRecords: stock.size },
      shippingMethods: { offered, unmapped: offeredUnmapped.size },
      requests: { bigcommerce: requestsBc, whistl: requestsWhistl },
      findings,
      previous: null,
    };
    await compareWithPrevious(db, storeId, auditId, report);
    await db.integrationAudit.update({
      where: { id: auditId },
      data: { status: 'DONE', phase: null, result: report as unknown as Prisma.InputJsonValue, finishedAt: new Date(), requests: requestsBc + requestsWhistl, ordersScanned: totals.total },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.integrationAudit
      .update({ where: { id: auditId }, data: { status: 'FAILED', error: message, finishedAt: new Date(), requests: requestsBc + requestsWhistl } })
      .catch((updateError: unknown) => console.error(`[audit] could not record the failure of audit ${auditId}:`, updateError, message));
  }
}

/**
 * One order through the export rules. Returns its verdict and adds its problems to the tallies,
 * each key at most once per order (units summed over its lines).
 */
export function auditOrder(order: OrderWithConsignments, settings: ExportSettings, whistlSkus: ReadonlySet<string>, found: OrderFindings): 'clean' | 'blocked' | 'nothingToShip' {
  const plan = buildWhistlOrders(order, settings);
  if (plan.kind === 'skip') return 'nothingToShip';
  let blocked = plan.kind === 'invalid';

  const policy = new Map<string, { label: string; units: number; detail: string }>();
  const missing = new Map<string, number>();
  const sold = new Map<string, number>();
  const empty = new Map<string, { label: string; units: number }>();
  for (const consignment of order.shippingAddresses) {
    for (const line of warehouseLines(consignment)) {
      const resolution = toWhistlSku(line.sku, settings.sku, { orderProductId: line.orderProductId, name: line.name });
      if ('sku' in resolution) {
        sold.set(resolution.sku, (sold.get(resolution.sku) ?? 0) + line.quantity);
        if (!whistlSkus.has(resolution.sku)) missing.set(resolution.sku, (missing.get(resolution.sku) ?? 0) + line.quantity);
      } else if (resolution.problem.type === 'MISSING_SKU') {
        const key = `${line.productId}:${line.variantId ?? 0}`;
        const entry = empty.get(key) ?? { label: line.name.trim() || `Product ${line.productId}`, units: 0 };
        entry.units += line.quantity;
        empty.set(key, entry);
      } else {
        const sku = line.sku.trim();
        const entry = policy.get(sku) ?? { label: sku, units: 0, detail: resolution.problem.message };
        entry.units += line.quantity;
        policy.set(sku, entry);
      }
    }
  }
  for (const [sku, units] of sold) found.sold.add(sku, sku, { orderId: order.id, units });
  for (const [sku, entry] of policy) found.policy.add(sku, entry.label, { orderId: order.id, units: entry.units, detail: entry.detail });
  for (const [key, entry] of empty) {
    found.empty.add(key, entry.label, { orderId: order.id, units: entry.units, detail: `Product ${key.replace(':', ', variant ')}: no SKU` });
    found.emptyProducts.add(Number(key.split(':')[0]));
  }
  for (const [sku, units] of missing) found.missing.add(sku, sku, { orderId: order.id, units, detail: 'Passes the SKU rules but is not a Whistl product' });
  if (missing.size > 0) blocked = true;

  if (plan.kind === 'invalid') {
    const seenMethods = new Set<string>();
    const seenAddress = new Set<string>();
    for (const problem of plan.problems) {
      if (problem.type === 'UNMAPPED_SHIPPING') {
        const key = typeof problem.detail?.key === 'string' ? problem.detail.key : '';
        const text = typeof problem.detail?.methodText === 'string' ? problem.detail.methodText.trim() : '';
        if (seenMethods.has(key)) continue;
        seenMethods.add(key);
        found.methods.add(key, text || '(no shipping method)', { orderId: order.id });
      } else if (problem.type === 'INVALID_ADDRESS') {
        const field = typeof problem.detail?.field === 'string' ? problem.detail.field : 'address';
        const consignment = order.shippingAddresses.find((c) => c.orderAddressId === problem.detail?.orderAddressId) ?? order.shippingAddresses[0];
        const country = consignment ? (resolveCountryIso2(consignment) ?? (consignment.country.trim() || 'unknown')) : 'unknown';
        const key = `${country}:${field}`;
        if (seenAddress.has(key)) continue;
        seenAddress.add(key);
        found.address.add(key, `${country} · ${FIELD_LABELS[field] ?? field}`, { orderId: order.id, detail: problem.message });
      }
    }
  }
  return blocked ? 'blocked' : 'clean';
}

const TEAM_LABELS: Record<OwnerTeam, string> = { OPS: 'Ops', CX: 'Customer service', MERCHANDISING: 'Merchandising', FINANCE: 'Finance' };

const FIELD_LABELS: Record<string, string> = {
  zip: 'postcode',
  street1: 'address line 1',
  street2: 'address line 2',
  city: 'town/city',
  country: 'country',
  name: 'recipient name',
  state: 'county/state',
  phone: 'phone',
  email: 'email',
  company: 'company',
  firstName: 'first name',
  lastName: 'last name',
};

function item(key: string, label: string, detail: string): AuditItem {
  return { key, label, orders: 0, units: 0, examples: [], detail };
}

function appendDetail(detail: string, extra: string): string {
  return detail ? `${detail}; ${extra}` : extra;
}

function countOrders(tally: Tally): number {
  let orders = 0;
  for (const row of tally.values()) orders += row.orders;
  return orders;
}

/** Sold items first (ranked), then catalog-only examples while there is room. */
function withCatalog(sold: AuditItem[], catalog: Sample): AuditItem[] {
  return [...sold, ...catalog.items].slice(0, AUDIT_ITEM_LIMIT);
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

async function compareWithPrevious(db: DbClient, storeId: string, auditId: string, report: AuditReport): Promise<void> {
  const previous = await db.integrationAudit.findFirst({ where: { storeId, status: 'DONE', id: { not: auditId } }, orderBy: { startedAt: 'desc' } });
  const before = previous?.result as unknown as AuditReport | null | undefined;
  if (!previous || !before) return;
  const earlier = new Map<FindingId, AuditFinding>(before.findings.map((f) => [f.id, f]));
  for (const finding of report.findings) {
    const was = earlier.get(finding.id);
    finding.delta = {
      count: finding.count - (was?.count ?? 0),
      orders: finding.orders === null ? null : finding.orders - (was?.orders ?? 0),
    };
  }
  const now = new Set(report.findings.map((f) => f.id));
  report.previous = {
    auditId: previous.id,
    finishedAt: previous.finishedAt?.toISOString() ?? null,
    cleanShare: before.orders.cleanShare,
    resolved: before.findings.filter((f) => !now.has(f.id)).map((f) => ({ id: f.id, title: f.title })),
  };
}
