import { beforeAll, describe, expect, it } from 'vitest';
import { PUT as mappingPUT } from '@/app/api/shipping-mappings/[id]/route';
import { PUT as defaultPUT } from '@/app/api/shipping-mappings/default-service/route';
import { GET as mappingsGET } from '@/app/api/shipping-mappings/route';
import { POST as previewPOST } from '@/app/api/sku-rules/preview/route';
import { GET as skuGET, PUT as skuPUT } from '@/app/api/sku-rules/route';
import type { ShippingMethodsView } from '@/lib/sync/panel/list-shipping-methods';
import type { SkuRulesView } from '@/lib/sync/panel/get-sku-rules';
import type { SkuPreview } from '@/lib/sync/rules';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedOrder, seedStore, type SeededStore } from './panel-support';

const { db } = setupTestDatabase();
let a: SeededStore;
let b: SeededStore;

const putMapping = (token: string, id: string, courierService: string | null) =>
  json<{ requeued: number; mapping: { courierService: string | null } }>(
    panelRequest(mappingPUT, token, `/api/shipping-mappings/${id}`, { method: 'PUT', body: JSON.stringify({ courierService }) }, { id }),
  );
const state = async (id: string) => (await db().orderSync.findUniqueOrThrow({ where: { id } })).state;

const RULES = { policy: 'ALPHANUMERIC', uppercase: false, stripChars: '', prefix: '', suffix: '', aliases: [] as { bcSku: string; whistlSku: string }[] };

beforeAll(async () => {
  a = await seedStore(db(), 'panelmapa');
  b = await seedStore(db(), 'panelmapb');
});

describe('shipping mappings', () => {
  let saturday: string;
  let theirs: string;
  const orders: Record<string, string> = {};

  beforeAll(async () => {
    saturday = (await db().shippingMapping.create({ data: { storeId: a.storeId, methodKey: 'saturday courier', methodLabel: 'Saturday Courier', seenOnOrders: true } })).id;
    await db().shippingMapping.create({ data: { storeId: a.storeId, methodKey: 'click and collect', methodLabel: 'Click and Collect', seenOnOrders: true } });
    await db().shippingMapping.create({ data: { storeId: a.storeId, methodKey: 'royal mail tracked 24', methodLabel: 'Royal Mail Tracked 24', courierService: 'RM24', offeredByStore: true } });
    theirs = (await db().shippingMapping.create({ data: { storeId: b.storeId, methodKey: 'saturday courier', methodLabel: 'Saturday Courier', seenOnOrders: true } })).id;
    orders.sat1 = (await seedOrder(db(), a.storeId, 301, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:saturday courier' }])).order.id;
    orders.sat2 = (await seedOrder(db(), a.storeId, 302, [
      { type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:saturday courier' },
      { type: 'INVALID_SKU', reasonKey: 'sku:X/1' },
    ])).order.id;
    orders.collect = (await seedOrder(db(), a.storeId, 303, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:click and collect' }])).order.id;
    orders.sku = (await seedOrder(db(), a.storeId, 304, [{ type: 'MISSING_SKU', reasonKey: 'sku-missing:7' }])).order.id;
    orders.theirs = (await seedOrder(db(), b.storeId, 305, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:saturday courier' }])).order.id;
  });

  it('lists mapped and unmapped methods with held counts; unreachable vendors are a warning, not a 500', async () => {
    const { status, body } = await json<ShippingMethodsView>(panelRequest(mappingsGET, a.tokens.CX, '/api/shipping-mappings'));
    expect(status).toBe(200);
    expect(body.methods.map((m) => [m.methodLabel, m.courierService, m.heldOrders])).toEqual([
      ['Click and Collect', null, 1],
      ['Royal Mail Tracked 24', 'RM24', 0],
      ['Saturday Courier', null, 2],
    ]);
    expect(body.heldOrders).toBe(3);
    expect(body.defaultCourierService).toBeNull();
    // This store has no BigCommerce token or Whistl connection: both reads fail, the saved rows still show.
    expect(body.warnings).toHaveLength(2);
    expect(body.warnings.join(' ')).toMatch(/BigCommerce.*Whistl/s);
    expect((await panelRequest(mappingsGET, a.tokens.FINANCE, '/api/shipping-mappings')).status).toBe(403);
  });

  it('CX cannot save; another store\'s mapping is not found', async () => {
    expect((await putMapping(a.tokens.CX, saturday, 'EXP')).status).toBe(403);
    expect((await putMapping(a.tokens.OPS, theirs, 'EXP')).status).toBe(404);
    expect((await db().shippingMapping.findUniqueOrThrow({ where: { id: theirs } })).courierService).toBeNull();
    expect(await state(orders.theirs!)).toBe('HELD');
  });

  it('saving a mapping is audited and re-queues exactly the orders held on that method', async () => {
    const { status, body } = await putMapping(a.tokens.OPS, saturday, 'EXP');
    expect(status).toBe(200);
    expect(body).toMatchObject({ requeued: 2, mapping: { courierService: 'EXP' } });
    expect(await state(orders.sat1!)).toBe('PENDING');
    expect(await state(orders.sat2!)).toBe('PENDING');
    expect(await state(orders.collect!)).toBe('HELD');
    expect(await state(orders.sku!)).toBe('HELD');
    expect(await state(orders.theirs!)).toBe('HELD');

    const audit = await db().auditLog.findMany({ where: { storeId: a.storeId, action: 'shipping-mapping.save' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorEmail: a.emails.OPS,
      entity: 'ShippingMapping',
      entityId: saturday,
      before: { methodKey: 'saturday courier', courierService: null },
      after: { methodKey: 'saturday courier', courierService: 'EXP' },
    });
    expect(audit[0]?.createdAt).toBeInstanceOf(Date);
    expect((await db().shippingMapping.findUniqueOrThrow({ where: { id: saturday } })).updatedByEmail).toBe(a.emails.OPS);
    expect((await putMapping(a.tokens.OPS, saturday, '')).status).toBe(400);
  });

  it('setting a default service re-queues every order held on an unmapped method, and is audited', async () => {
    const put = (token: string, courierService: string | null) =>
      json<{ requeued: number; defaultCourierService: string | null }>(
        panelRequest(defaultPUT, token, '/api/shipping-mappings/default-service', { method: 'PUT', body: JSON.stringify({ courierService }) }),
      );
    expect((await put(a.tokens.CX, 'RM48')).status).toBe(403);
    const { body } = await put(a.tokens.OPS, 'RM48');
    expect(body).toEqual({ defaultCourierService: 'RM48', requeued: 1 });
    expect(await state(orders.collect!)).toBe('PENDING');
    expect(await state(orders.sku!)).toBe('HELD');
    expect(await state(orders.theirs!)).toBe('HELD');
    expect((await put(a.tokens.OPS, null)).body).toEqual({ defaultCourierService: null, requeued: 0 });
    const audit = await db().auditLog.findMany({ where: { storeId: a.storeId, action: 'shipping-default.save' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((e) => [e.before, e.after])).toEqual([
      [{ defaultCourierService: null }, { defaultCourierService: 'RM48' }],
      [{ defaultCourierService: 'RM48' }, { defaultCourierService: null }],
    ]);
  });
});

describe('SKU rules', () => {
  const putRules = (token: string, body: unknown) =>
    json<{ requeued: number; rules: SkuRulesView }>(panelRequest(skuPUT, token, '/api/sku-rules', { method: 'PUT', body: JSON.stringify(body) }));
  const preview = (token: string, body: unknown) =>
    json<{ preview: SkuPreview }>(panelRequest(previewPOST, token, '/api/sku-rules/preview', { method: 'POST', body: JSON.stringify(body) }));

  it('reads the defaults', async () => {
    const { body } = await json<{ rules: SkuRulesView }>(panelRequest(skuGET, b.tokens.CX, '/api/sku-rules'));
    expect(body.rules).toMatchObject({ ...RULES, heldOrders: 0 });
  });

  it('saving rules and aliases is audited and re-queues only SKU-held orders of this store', async () => {
    const skuHeld = (await seedOrder(db(), b.storeId, 401, [{ type: 'INVALID_SKU', reasonKey: 'sku:TEE-RED/L' }])).order.id;
    const missing = (await seedOrder(db(), b.storeId, 402, [{ type: 'MISSING_SKU', reasonKey: 'sku-missing:3' }])).order.id;
    const shipping = (await seedOrder(db(), b.storeId, 403, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:pigeon' }])).order.id;
    const otherStore = (await seedOrder(db(), a.storeId, 404, [{ type: 'INVALID_SKU', reasonKey: 'sku:TEE-RED/L' }])).order.id;

    const input = { ...RULES, uppercase: true, stripChars: '-/', aliases: [{ bcSku: 'TEE-RED/L', whistlSku: 'TEEREDL' }] };
    expect((await putRules(b.tokens.CX, input)).status).toBe(403);
    expect((await putRules(b.tokens.OPS, { ...input, policy: 'WHATEVER' })).status).toBe(400);
    expect((await putRules(b.tokens.OPS, { ...input, aliases: [input.aliases[0], input.aliases[0]] })).status).toBe(409);

    const { status, body } = await putRules(b.tokens.OPS, input);
    expect(status).toBe(200);
    expect(body.requeued).toBe(2);
    expect(body.rules).toMatchObject({ uppercase: true, stripChars: '-/', aliases: input.aliases });
    expect(await state(skuHeld)).toBe('PENDING');
    expect(await state(missing)).toBe('PENDING');
    expect(await state(shipping)).toBe('HELD');
    expect(await state(otherStore)).toBe('HELD');

    const audit = await db().auditLog.findFirstOrThrow({ where: { storeId: b.storeId, action: 'sku-rules.save' } });
    expect(audit.actorEmail).toBe(b.emails.OPS);
    expect(audit.before).toMatchObject({ uppercase: false, aliases: [] });
    expect(audit.after).toMatchObject({ uppercase: true, stripChars: '-/', aliases: input.aliases });

    // Removing the alias deletes it; the other store's rules are untouched.
    expect((await putRules(b.tokens.OPS, { ...input, aliases: [] })).body.rules.aliases).toEqual([]);
    expect(await db().skuAlias.count({ where: { storeId: b.storeId } })).toBe(0);
    expect((await json<{ rules: SkuRulesView }>(panelRequest(skuGET, a.tokens.OPS, '/api/sku-rules'))).body.rules.uppercase).toBe(false);
  });

  it('previews a SKU step by step, with unsaved rules or the saved ones', async () => {
    const unsaved = await preview(a.tokens.CX, { sku: 'tee-red/l', rules: { ...RULES, uppercase: true, stripChars: '-/', prefix: 'BC' } });
    expect(unsaved.status).toBe(200);
    expect(unsaved.body.preview.steps.map((s) => [s.rule, s.value])).toEqual([
      ['uppercase', 'TEE-RED/L'],
      ['strip', 'TEEREDL'],
      ['prefix', 'BCTEEREDL'],
    ]);
    expect(unsaved.body.preview).toMatchObject({ ok: true, output: 'BCTEEREDL' });

    const saved = await preview(a.tokens.OPS, { sku: 'tee-red/l' });
    expect(saved.body.preview).toMatchObject({ ok: false, output: 'tee-red/l', problem: { type: 'INVALID_SKU' } });
    expect((await preview(a.tokens.FINANCE, { sku: 'x' })).status).toBe(403);
    expect((await preview(a.tokens.OPS, { nope: 1 })).status).toBe(400);
  });
});
