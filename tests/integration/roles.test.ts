import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as alertChannel from '@/app/api/alerts/channels/[id]/route';
import * as alertChannels from '@/app/api/alerts/channels/route';
import * as alertDeliveries from '@/app/api/alerts/deliveries/route';
import * as alertSmtp from '@/app/api/alerts/smtp/route';
import * as alertTest from '@/app/api/alerts/test/route';
import * as auditLog from '@/app/api/audit-log/route';
import * as storeAuditCsv from '@/app/api/audit/[id]/csv/route';
import * as storeAudit from '@/app/api/audit/route';
import * as dashboard from '@/app/api/dashboard/route';
import * as exceptionIgnore from '@/app/api/exceptions/[id]/ignore/route';
import * as exceptionRetry from '@/app/api/exceptions/retry/route';
import * as exceptions from '@/app/api/exceptions/route';
import * as reconciliationCsv from '@/app/api/finance/reconciliation/csv/route';
import * as reconciliation from '@/app/api/finance/reconciliation/route';
import * as inventoryBuffers from '@/app/api/inventory/buffers/route';
import * as inventory from '@/app/api/inventory/route';
import * as inventorySettings from '@/app/api/inventory/settings/route';
import * as me from '@/app/api/me/route';
import * as order from '@/app/api/orders/[id]/route';
import * as orderByBcId from '@/app/api/orders/by-bc-id/[bcOrderId]/route';
import * as orders from '@/app/api/orders/route';
import * as cutoffSettings from '@/app/api/settings/cutoff/route';
import * as exportSettings from '@/app/api/settings/export/route';
import * as whistlSettings from '@/app/api/settings/whistl/route';
import * as whistlTest from '@/app/api/settings/whistl/test/route';
import * as mapping from '@/app/api/shipping-mappings/[id]/route';
import * as defaultService from '@/app/api/shipping-mappings/default-service/route';
import * as mappings from '@/app/api/shipping-mappings/route';
import * as skuPreview from '@/app/api/sku-rules/preview/route';
import * as skuRules from '@/app/api/sku-rules/route';
import * as skuScan from '@/app/api/sku-rules/scan/route';
import * as teamMember from '@/app/api/team/[userId]/route';
import * as team from '@/app/api/team/route';
import type { AppRole } from '@/lib/db/types';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { ROLES, seedStore, type SeededStore } from './panel-support';

const { db } = setupTestDatabase();

type Handler = Parameters<typeof panelRequest>[0];
type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface RouteRule {
  /** The route file under app/api, without /route.ts. */
  route: string;
  method: Method;
  handler: Handler;
  /** Roles besides ADMIN that may call it. */
  allowed: readonly AppRole[];
  /**
   * How an allowed role is probed without changing anything: writes get an invalid body or id
   * (400/404 proves the role check passed). `refusalOnly`: the call has outside effects, so only
   * the refusals are checked.
   */
  refusalOnly?: boolean;
}

const ALL: readonly AppRole[] = ['OPS', 'CX', 'FINANCE'];
const ANY_ID = 'not-a-uuid';

/**
 * Who may do what, for every panel API route. The rules: CX reads order status but cannot
 * edit mappings or SKU rules or retry; finance reads reconciliation but not exceptions; ops edit
 * mappings and retry but cannot change the team, the Whistl credentials or alert channels.
 */
const RULES: RouteRule[] = [
  { route: 'alerts/channels', method: 'GET', handler: alertChannels.GET, allowed: ['OPS'] },
  { route: 'alerts/channels', method: 'POST', handler: alertChannels.POST, allowed: [] },
  { route: 'alerts/channels/[id]', method: 'DELETE', handler: alertChannel.DELETE, allowed: [] },
  { route: 'alerts/deliveries', method: 'GET', handler: alertDeliveries.GET, allowed: ['OPS'] },
  { route: 'alerts/smtp', method: 'GET', handler: alertSmtp.GET, allowed: ['OPS'] },
  { route: 'alerts/smtp', method: 'PUT', handler: alertSmtp.PUT, allowed: [] },
  { route: 'alerts/test', method: 'POST', handler: alertTest.POST, allowed: ['OPS'] },
  { route: 'audit-log', method: 'GET', handler: auditLog.GET, allowed: [] },
  { route: 'audit', method: 'GET', handler: storeAudit.GET, allowed: ALL },
  { route: 'audit', method: 'POST', handler: storeAudit.POST, allowed: ['OPS'], refusalOnly: true },
  { route: 'audit/[id]/csv', method: 'GET', handler: storeAuditCsv.GET, allowed: ALL },
  { route: 'dashboard', method: 'GET', handler: dashboard.GET, allowed: ALL },
  { route: 'exceptions', method: 'GET', handler: exceptions.GET, allowed: ['OPS', 'CX'] },
  { route: 'exceptions/[id]/ignore', method: 'POST', handler: exceptionIgnore.POST, allowed: ['OPS'] },
  { route: 'exceptions/retry', method: 'POST', handler: exceptionRetry.POST, allowed: ['OPS'] },
  { route: 'finance/reconciliation', method: 'GET', handler: reconciliation.GET, allowed: ['FINANCE', 'OPS'] },
  { route: 'finance/reconciliation/csv', method: 'GET', handler: reconciliationCsv.GET, allowed: ['FINANCE', 'OPS'] },
  { route: 'inventory', method: 'GET', handler: inventory.GET, allowed: ['OPS', 'CX'] },
  { route: 'inventory/buffers', method: 'PUT', handler: inventoryBuffers.PUT, allowed: ['OPS'] },
  { route: 'inventory/settings', method: 'GET', handler: inventorySettings.GET, allowed: ['OPS', 'CX'] },
  { route: 'inventory/settings', method: 'PUT', handler: inventorySettings.PUT, allowed: ['OPS'] },
  { route: 'me', method: 'GET', handler: me.GET, allowed: ALL },
  { route: 'orders', method: 'GET', handler: orders.GET, allowed: ALL },
  { route: 'orders/[id]', method: 'GET', handler: order.GET, allowed: ALL },
  { route: 'orders/by-bc-id/[bcOrderId]', method: 'GET', handler: orderByBcId.GET, allowed: ALL },
  { route: 'settings/cutoff', method: 'GET', handler: cutoffSettings.GET, allowed: ALL },
  { route: 'settings/cutoff', method: 'PUT', handler: cutoffSettings.PUT, allowed: ['OPS'] },
  { route: 'settings/export', method: 'GET', handler: exportSettings.GET, allowed: ALL },
  { route: 'settings/export', method: 'PUT', handler: exportSettings.PUT, allowed: [] },
  { route: 'settings/whistl', method: 'GET', handler: whistlSettings.GET, allowed: ['OPS'] },
  { route: 'settings/whistl', method: 'PUT', handler: whistlSettings.PUT, allowed: [] },
  { route: 'settings/whistl/test', method: 'POST', handler: whistlTest.POST, allowed: ['OPS'], refusalOnly: true },
  { route: 'shipping-mappings', method: 'GET', handler: mappings.GET, allowed: ['OPS', 'CX'] },
  { route: 'shipping-mappings/[id]', method: 'PUT', handler: mapping.PUT, allowed: ['OPS'] },
  { route: 'shipping-mappings/default-service', method: 'PUT', handler: defaultService.PUT, allowed: ['OPS'] },
  { route: 'sku-rules', method: 'GET', handler: skuRules.GET, allowed: ['OPS', 'CX'] },
  { route: 'sku-rules', method: 'PUT', handler: skuRules.PUT, allowed: ['OPS'] },
  { route: 'sku-rules/preview', method: 'POST', handler: skuPreview.POST, allowed: ['OPS', 'CX'] },
  { route: 'sku-rules/scan', method: 'GET', handler: skuScan.GET, allowed: ['OPS', 'CX'] },
  { route: 'sku-rules/scan', method: 'POST', handler: skuScan.POST, allowed: ['OPS'], refusalOnly: true },
  { route: 'team', method: 'GET', handler: team.GET, allowed: [] },
  { route: 'team/[userId]', method: 'PUT', handler: teamMember.PUT, allowed: [] },
];

/** Routes outside the panel session: BigCommerce callbacks, cron (CRON_SECRET), webhooks (signed), the sandbox. */
const NOT_PANEL = [/^app\//, /^cron\//, /^webhooks\//, /^sandbox\//];

function call(rule: RouteRule, token: string | null): Promise<Response> {
  const params = Object.fromEntries([...rule.route.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, ANY_ID]));
  const url = `/api/${rule.route.replace(/\[\w+\]/g, ANY_ID)}`;
  const init: RequestInit = { method: rule.method, ...(rule.method === 'GET' ? {} : { body: JSON.stringify({ notAField: true }) }) };
  return panelRequest(rule.handler, token, url, init, params);
}

function routeFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name === 'route.ts' ? [prefix.replace(/\/$/, '')] : [];
  });
}

let store: SeededStore;
beforeAll(async () => {
  store = await seedStore(db(), 'roles1');
});

describe('roles across every panel API route', () => {
  it('the matrix covers every panel route and method (add new routes here)', () => {
    const apiDir = path.resolve(import.meta.dirname, '../../app/api');
    const present = routeFiles(apiDir)
      .filter((route) => !NOT_PANEL.some((pattern) => pattern.test(`${route}/`)))
      .flatMap((route) => [...readFileSync(path.join(apiDir, route, 'route.ts'), 'utf8').matchAll(/export const (GET|POST|PUT|DELETE|PATCH)\b/g)].map((m) => `${m[1]} ${route}`));
    expect(present.sort()).toEqual(RULES.map((r) => `${r.method} ${r.route}`).sort());
  });

  for (const rule of RULES) {
    const refused = ROLES.filter((role) => role !== 'ADMIN' && !rule.allowed.includes(role));
    if (refused.length > 0) {
      it(`${rule.method} /api/${rule.route} refuses ${refused.join(', ')}`, async () => {
        for (const role of refused) {
          const response = await call(rule, store.tokens[role]);
          expect(response.status, `${role} on ${rule.method} ${rule.route}`).toBe(403);
          expect(((await response.json()) as { error: string }).error).toContain(`Your role (${role.toLowerCase()}) cannot do this`);
        }
      });
    }
    if (!rule.refusalOnly) {
      it(`${rule.method} /api/${rule.route} lets ${['ADMIN', ...rule.allowed].join(', ')} through`, async () => {
        for (const role of ['ADMIN', ...rule.allowed] as AppRole[]) {
          const response = await call(rule, store.tokens[role]);
          expect([401, 403], `${role} on ${rule.method} ${rule.route} got ${response.status}`).not.toContain(response.status);
          expect(response.status, `${role} on ${rule.method} ${rule.route}`).toBeLessThan(500);
        }
      });
    }
    it(`${rule.method} /api/${rule.route} needs a session`, async () => {
      expect((await call(rule, null)).status).toBe(401);
    });
  }

  it('a refused write changes nothing and is not audited', async () => {
    const row = await db().shippingMapping.create({ data: { storeId: store.storeId, methodKey: 'saturday', methodLabel: 'Saturday', seenOnOrders: true } });
    const response = await panelRequest(mapping.PUT, store.tokens.CX, `/api/shipping-mappings/${row.id}`, { method: 'PUT', body: JSON.stringify({ courierService: 'RM24' }) }, { id: row.id });
    expect(response.status).toBe(403);
    expect((await db().shippingMapping.findUniqueOrThrow({ where: { id: row.id } })).courierService).toBeNull();
    expect(await db().auditLog.count({ where: { storeId: store.storeId, action: 'shipping-mapping.save' } })).toBe(0);
  });
});
