import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST as bigCommerceWebhookPOST } from '@/app/api/webhooks/bigcommerce/route';
import { POST as whistlWebhookPOST } from '@/app/api/webhooks/whistl/[storeHash]/[secret]/route';
import type { Db } from '@/lib/db/client';
import { resetEnvCache } from '@/lib/env';
import { runExportBatch } from '@/lib/sync/export/run-export';
import { pollDespatches } from '@/lib/sync/fulfilment/poll-despatches';
import { runWriteBacks } from '@/lib/sync/fulfilment/run-writebacks';
import { startExportHarness, ukAddress, type ExportHarness } from './export-harness';

/**
 * The export harness plus what fulfilment tests need: an app URL that routes Whistl's
 * ConnectAction deliveries into the real Whistl webhook route (and BigCommerce's into theirs),
 * so exported orders carry working webhook URLs, and helpers to export an order and run ticks.
 */
export interface FulfilmentHarness extends ExportHarness {
  appUrl: string;
  /** Whistl deliveries the app answered, with the path they came to. */
  whistlDeliveries: Array<{ path: string; body: string; status: number }>;
  cleanSkus: string[];
  placeAndExport(lines: Line[], addresses?: ReturnType<typeof ukAddress>[]): Promise<ExportedOrder>;
  poll(): ReturnType<typeof pollDespatches>;
  writeBacks(): ReturnType<typeof runWriteBacks>;
  /** POSTs a body to the Whistl webhook route as Whistl would. */
  postWhistlWebhook(path: string, body: string): Promise<Response>;
  bcCalls(): number;
}

export type Line = { sku?: string; quantity: number; addressIndex?: number };

export interface ExportedOrder {
  bcOrderId: number;
  orderSyncId: string;
  links: Array<{ orderAddressId: number; whistlOrderId: number; orderNumber: string }>;
}

const WHISTL_PATH = /^\/api\/webhooks\/whistl\/([^/]+)\/([^/]+)\/?$/;

export async function startFulfilmentHarness(db: Db, options: { storeHash: string }): Promise<FulfilmentHarness> {
  const h = await startExportHarness(db, { storeHash: options.storeHash });
  const whistlDeliveries: FulfilmentHarness['whistlDeliveries'] = [];

  const callWhistlRoute = (path: string, body: string): Promise<Response> => {
    const match = WHISTL_PATH.exec(path);
    const request = new Request(`http://localhost${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    if (!match) return Promise.resolve(new Response('not found', { status: 404 }));
    const params = Promise.resolve({ storeHash: decodeURIComponent(match[1] ?? ''), secret: decodeURIComponent(match[2] ?? '') });
    return whistlWebhookPOST(request, { params });
  };

  const receiver: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const handled = path.startsWith('/api/webhooks/whistl/')
        ? callWhistlRoute(path, body).then((response) => {
            whistlDeliveries.push({ path, body, status: response.status });
            return response;
          })
        : bigCommerceWebhookPOST(new Request('http://localhost/api/webhooks/bigcommerce', { method: 'POST', body, headers }));
      void handled.then(
        async (response) => {
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(await response.text());
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  process.env.APP_URL = appUrl;
  resetEnvCache();

  await db.shippingMapping.createMany({
    data: [
      { storeId: h.storeId, methodKey: 'royal mail tracked 48', methodLabel: 'Royal Mail Tracked 48', courierService: 'RM48' },
      { storeId: h.storeId, methodKey: 'dpd next day', methodLabel: 'DPD Next Day', courierService: 'DPDNEXT' },
    ],
    skipDuplicates: true,
  });
  const inWhistl = new Set((await h.whistl.getStockLevels({})).map((level) => level.sku));
  const cleanSkus = h.demo.bigcommerce.control
    .catalog(h.storeHash)
    .filter((e) => e.type === 'physical' && /^[A-Za-z0-9]+$/.test(e.sku) && inWhistl.has(e.sku))
    .map((e) => e.sku);

  return {
    ...h,
    appUrl,
    whistlDeliveries,
    cleanSkus,
    async placeAndExport(lines, addresses = [ukAddress('Royal Mail Tracked 48')]) {
      const order = h.demo.bigcommerce.control.placeOrder(h.storeHash, {
        lines,
        addresses,
        billingAddress: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.co.uk' },
        statusId: 11,
      });
      await h.demo.bigcommerce.control.idle();
      await runExportBatch(db, h.deps, { timeBudgetMs: 20_000 });
      const sync = await db.orderSync.findUniqueOrThrow({ where: { storeId_bcOrderId: { storeId: h.storeId, bcOrderId: order.id } }, include: { links: true } });
      if (sync.state !== 'EXPORTED') throw new Error(`order ${order.id} was not exported: ${sync.state} ${sync.lastError ?? ''}`);
      return {
        bcOrderId: order.id,
        orderSyncId: sync.id,
        links: sync.links
          .map((l) => ({ orderAddressId: l.orderAddressId, whistlOrderId: l.whistlOrderId ?? 0, orderNumber: l.orderNumber }))
          .sort((a, b) => a.orderAddressId - b.orderAddressId),
      };
    },
    poll: () => pollDespatches(db, h.deps),
    writeBacks: () => runWriteBacks(db, h.deps, { timeBudgetMs: 25_000 }),
    postWhistlWebhook: callWhistlRoute,
    bcCalls: () => h.demo.bigcommerce.control.stats(h.storeHash).total,
    close: async () => {
      await h.close();
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}
