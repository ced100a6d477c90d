import type { DbClient, Prisma } from '../../db/types';
import type { CatalogScanStatus } from '../../generated/prisma/enums';
import { toWhistlSku } from '../rules';
import { loadSkuRules } from './get-sku-rules';
import type { PanelVendors } from './vendor-sources';

/** Entries kept per list: enough to work through, small enough for one JSON row and one page. */
export const SCAN_LIST_LIMIT = 1000;
/** A RUNNING scan older than this died with its process (a deploy, a crash): a new one may start. */
const STALE_AFTER_MS = 30 * 60 * 1000;

export interface ScanVariantRef {
  productId: number;
  variantId: number | null;
  productName: string;
  bcSku: string;
}

export interface CatalogScanResult {
  /** Physical variants read from BigCommerce (digital products never go to the warehouse). */
  bigCommerceVariants: number;
  whistlProducts: number;
  /** BigCommerce SKUs the store's policy rejects after its transforms and aliases. */
  rejected: (ScanVariantRef & { whistlSku: string; reason: string })[];
  /** SKUs that pass the rules but that Whistl does not know. */
  missingInWhistl: (ScanVariantRef & { whistlSku: string })[];
  /** Whistl products no BigCommerce variant maps to. */
  orphansInWhistl: { sku: string; name: string }[];
  /** Variants without a SKU: they can never be sent. */
  withoutSku: Omit<ScanVariantRef, 'bcSku'>[];
  /** Full counts, when a list was cut at SCAN_LIST_LIMIT. */
  counts: { rejected: number; missingInWhistl: number; orphansInWhistl: number; withoutSku: number };
}

export interface CatalogScanView {
  id: string;
  status: CatalogScanStatus;
  scanned: number;
  total: number | null;
  /** While RUNNING: which side is being read. */
  phase: 'bigcommerce' | 'whistl' | null;
  result: CatalogScanResult | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export async function getLatestCatalogScan(db: DbClient, storeId: string): Promise<CatalogScanView | null> {
  const scan = await db.catalogScan.findFirst({ where: { storeId }, orderBy: { startedAt: 'desc' } });
  if (!scan) return null;
  const result = scan.result as CatalogScanResult | null;
  return {
    id: scan.id,
    status: scan.status,
    scanned: scan.scanned,
    total: scan.total,
    phase: scan.status !== 'RUNNING' ? null : scan.total !== null && scan.scanned >= scan.total ? 'whistl' : 'bigcommerce',
    result: scan.status === 'DONE' ? result : null,
    error: scan.error,
    startedAt: scan.startedAt.toISOString(),
    finishedAt: scan.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Records a new scan, unless one is already running for the store (then that one is returned,
 * so a double click starts one scan). The caller runs it with `runCatalogScan`.
 */
export async function startCatalogScan(db: DbClient, storeId: string, now = new Date()): Promise<{ scanId: string; started: boolean }> {
  const running = await db.catalogScan.findFirst({ where: { storeId, status: 'RUNNING' }, orderBy: { startedAt: 'desc' } });
  if (running && now.getTime() - running.startedAt.getTime() < STALE_AFTER_MS) return { scanId: running.id, started: false };
  await db.catalogScan.updateMany({
    where: { storeId, status: 'RUNNING' },
    data: { status: 'FAILED', error: 'Stopped before it finished (the app restarted); start a new scan.', finishedAt: now },
  });
  const scan = await db.catalogScan.create({ data: { storeId } });
  return { scanId: scan.id, started: true };
}

/**
 * Reads every BigCommerce product with its variants (page by page, recording progress) and every
 * Whistl product, and reports what the store's SKU rules would reject and what is missing on
 * either side. Never throws: a failure is recorded on the scan row.
 */
export async function runCatalogScan(db: DbClient, storeId: string, scanId: string, vendors: Pick<PanelVendors, 'catalogList' | 'whistl'>): Promise<void> {
  try {
    const rules = await loadSkuRules(db, storeId);
    const rejected: CatalogScanResult['rejected'] = [];
    const passing: (ScanVariantRef & { whistlSku: string })[] = [];
    const withoutSku: CatalogScanResult['withoutSku'] = [];
    let variants = 0;
    let scanned = 0;

    const catalog = await vendors.catalogList();
    for await (const page of catalog.iterateProductPages()) {
      for (const product of page.products) {
        scanned += 1;
        if (product.type === 'digital') continue;
        const entries = product.variants.length > 0
          ? product.variants.map((v) => ({ variantId: v.id as number | null, sku: v.sku }))
          : [{ variantId: null, sku: product.sku }];
        for (const entry of entries) {
          variants += 1;
          const ref = { productId: product.id, variantId: entry.variantId, productName: product.name };
          if (entry.sku.trim() === '') {
            withoutSku.push(ref);
            continue;
          }
          const resolution = toWhistlSku(entry.sku, rules, { name: product.name });
          if ('sku' in resolution) passing.push({ ...ref, bcSku: entry.sku, whistlSku: resolution.sku });
          else {
            const detail = resolution.problem.detail as { whistlSku?: unknown } | undefined;
            rejected.push({
              ...ref,
              bcSku: entry.sku,
              whistlSku: typeof detail?.whistlSku === 'string' ? detail.whistlSku : entry.sku,
              reason: resolution.problem.message,
            });
          }
        }
      }
      await db.catalogScan.update({ where: { id: scanId }, data: { scanned, total: Math.max(page.total ?? scanned, scanned) } });
    }
    await db.catalogScan.update({ where: { id: scanId }, data: { scanned, total: scanned } });

    const whistl = await vendors.whistl();
    const whistlSkus = new Map<string, string>();
    for await (const product of whistl.iterateProducts()) whistlSkus.set(product.sku, product.name);

    const missingInWhistl = passing.filter((p) => !whistlSkus.has(p.whistlSku));
    const mapped = new Set(passing.map((p) => p.whistlSku));
    const orphansInWhistl = [...whistlSkus].filter(([sku]) => !mapped.has(sku)).map(([sku, name]) => ({ sku, name }));

    const result: CatalogScanResult = {
      bigCommerceVariants: variants,
      whistlProducts: whistlSkus.size,
      rejected: rejected.slice(0, SCAN_LIST_LIMIT),
      missingInWhistl: missingInWhistl.slice(0, SCAN_LIST_LIMIT),
      orphansInWhistl: orphansInWhistl.slice(0, SCAN_LIST_LIMIT),
      withoutSku: withoutSku.slice(0, SCAN_LIST_LIMIT),
      counts: { rejected: rejected.length, missingInWhistl: missingInWhistl.length, orphansInWhistl: orphansInWhistl.length, withoutSku: withoutSku.length },
    };
    await db.catalogScan.update({
      where: { id: scanId },
      data: { status: 'DONE', result: result as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.catalogScan
      .update({ where: { id: scanId }, data: { status: 'FAILED', error: message, finishedAt: new Date() } })
      .catch((updateError: unknown) => console.error(`[catalog-scan] could not record the failure of scan ${scanId}:`, updateError, message));
  }
}
