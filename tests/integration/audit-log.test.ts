import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/audit-log/route';
import { PUT as mappingPUT } from '@/app/api/shipping-mappings/[id]/route';
import { recordAudit } from '@/lib/sync/panel/record-audit';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedStore } from './panel-support';

const { db } = setupTestDatabase();

interface Page {
  entries: Array<{ action: string; actorEmail: string; entityId: string; before: unknown; after: unknown; createdAt: string }>;
  page: number;
  pageSize: number;
  total: number;
  actions: string[];
}

describe('/api/audit-log', () => {
  it('lists this store’s changes newest first, paginated and filterable, to admins only', async () => {
    const store = await seedStore(db(), 'aud1');
    const other = await seedStore(db(), 'aud2');
    const base = Date.now() - 60 * 60_000;
    for (let i = 0; i < 7; i += 1) {
      await db().auditLog.create({
        data: { storeId: store.storeId, actorEmail: store.emails.OPS, action: i % 2 ? 'sku-rules.save' : 'shipping-mapping.save', entity: 'X', entityId: `e${i}`, before: { n: i }, after: { n: i + 1 }, createdAt: new Date(base + i * 60_000) },
      });
    }
    await recordAudit(db(), other.storeId, { actorEmail: other.emails.ADMIN, action: 'team.set-role', entity: 'StoreUser', entityId: 'other', before: null, after: { role: 'OPS' } });

    const first = await json<Page>(panelRequest(GET, store.tokens.ADMIN, '/api/audit-log?pageSize=3'));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ page: 1, pageSize: 3, total: 7, actions: ['shipping-mapping.save', 'sku-rules.save'] });
    expect(first.body.entries.map((e) => e.entityId)).toEqual(['e6', 'e5', 'e4']);
    expect(first.body.entries[0]).toMatchObject({ actorEmail: store.emails.OPS, before: { n: 6 }, after: { n: 7 } });
    const third = await json<Page>(panelRequest(GET, store.tokens.ADMIN, '/api/audit-log?pageSize=3&page=3'));
    expect(third.body.entries.map((e) => e.entityId)).toEqual(['e0']);
    const filtered = await json<Page>(panelRequest(GET, store.tokens.ADMIN, '/api/audit-log?action=sku-rules'));
    expect(filtered.body.total).toBe(3);
    expect(filtered.body.entries.every((e) => e.action === 'sku-rules.save')).toBe(true);

    const theirs = await json<Page>(panelRequest(GET, other.tokens.ADMIN, '/api/audit-log'));
    expect(theirs.body.entries.map((e) => e.entityId)).toEqual(['other']);

    for (const role of ['OPS', 'CX', 'FINANCE'] as const) expect((await panelRequest(GET, store.tokens[role], '/api/audit-log')).status).toBe(403);
    expect((await panelRequest(GET, null, '/api/audit-log')).status).toBe(401);
    expect((await panelRequest(GET, store.tokens.ADMIN, '/api/audit-log?page=0')).status).toBe(400);
    expect((await panelRequest(GET, store.tokens.ADMIN, '/api/audit-log?pageSize=1000')).status).toBe(400);
  });

  it('shows a mapping change made through the panel, with who made it and before/after', async () => {
    const store = await seedStore(db(), 'aud3');
    const mapping = await db().shippingMapping.create({ data: { storeId: store.storeId, methodKey: 'next day', methodLabel: 'Next Day', seenOnOrders: true } });
    const saved = await panelRequest(mappingPUT, store.tokens.OPS, `/api/shipping-mappings/${mapping.id}`, { method: 'PUT', body: JSON.stringify({ courierService: 'RM24' }) }, { id: mapping.id });
    expect(saved.status).toBe(200);
    const page = await json<Page>(panelRequest(GET, store.tokens.ADMIN, '/api/audit-log'));
    expect(page.body.total).toBe(1);
    expect(page.body.entries[0]).toMatchObject({ action: 'shipping-mapping.save', actorEmail: store.emails.OPS });
    expect(JSON.stringify(page.body.entries[0]!.after)).toContain('RM24');
  });
});
