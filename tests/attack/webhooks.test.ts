import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as bigcommercePOST } from '@/app/api/webhooks/bigcommerce/route';
import { POST as whistlPOST } from '@/app/api/webhooks/whistl/[storeHash]/[secret]/route';
import { encryptSecret } from '@/lib/crypto';
import { ensureWhistlWebhookSecret } from '@/lib/sync/fulfilment/connect-action-urls';
import { WEBHOOK_SECRET_HEADER, webhookSecretContext } from '@/lib/sync/webhooks/bigcommerce';
import { setupTestDatabase } from '../setup/db';
import { seedStore } from '../integration/panel-support';
import { TEST_CLIENT_SECRET } from '../support/signed-payload';
import { call, expectRefused, fingerprint, nestedJson, type RouteHandler } from './support';

/**
 * Forged and replayed webhooks. BigCommerce's are signed (Standard Webhooks, keyed with
 * base64(client secret)) and carry our per-store secret header; Whistl's carry a per-store secret
 * in the URL. Every forgery is a 401/400/413 with a plain message and nothing recorded.
 */
const { db } = setupTestDatabase();
const SECRETS = { alpha: 'alpha-webhook-secret-0123456789', bravo: 'bravo-webhook-secret-0123456789', gone: 'gone-webhook-secret-0123456789' };
let whistlSecret: string;

beforeAll(async () => {
  for (const [hash, secret] of [['whalpha', SECRETS.alpha], ['whbravo', SECRETS.bravo], ['whgone', SECRETS.gone]] as const) {
    const { storeId } = await seedStore(db(), hash);
    await db().store.update({ where: { id: storeId }, data: { webhookSecretEnc: encryptSecret(secret, webhookSecretContext(hash)) } });
  }
  whistlSecret = (await ensureWhistlWebhookSecret(db(), (await db().store.findUniqueOrThrow({ where: { hash: 'whalpha' } })).id)).secret;
  const gone = await db().store.findUniqueOrThrow({ where: { hash: 'whgone' } });
  await ensureWhistlWebhookSecret(db(), gone.id);
  await db().store.update({ where: { id: gone.id }, data: { status: 'UNINSTALLED' } });
});

let nextOrderId = 500;
const event = (producerHash: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ scope: 'store/order/created', store_id: '1', producer: `stores/${producerHash}`, hash: randomUUID(), created_at: Math.floor(Date.now() / 1000), data: { type: 'order', id: nextOrderId++ }, ...extra });

function signed(body: string, options: { key?: string; at?: Date; id?: string; secretHeader?: string | null } = {}): Record<string, string> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const at = options.at ?? new Date();
  const signer = new Webhook(Buffer.from(options.key ?? TEST_CLIENT_SECRET, 'utf8').toString('base64'));
  return {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signer.sign(id, at, body),
    ...(options.secretHeader === null ? {} : { [WEBHOOK_SECRET_HEADER]: options.secretHeader ?? SECRETS.alpha }),
  };
}

const deliver = (body: string, headers: Record<string, string>) => call(bigcommercePOST, 'POST', '/api/webhooks/bigcommerce', { headers, body });

describe('POST /api/webhooks/bigcommerce', () => {
  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  const cases: Array<{ name: string; request: () => { body: string; headers: Record<string, string> }; statuses: number[] }> = [
    { name: 'unsigned', request: () => ({ body: event('whalpha'), headers: { 'content-type': 'application/json', [WEBHOOK_SECRET_HEADER]: SECRETS.alpha } }), statuses: [401] },
    { name: 'signed with another key', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { key: 'attacker-secret' }) }; }, statuses: [401] },
    { name: 'body changed after signing', request: () => { const body = event('whalpha'); return { body: body.replace(/"id":\d+/, '"id":999999'), headers: signed(body) }; }, statuses: [401] },
    { name: 'signature header garbage', request: () => { const body = event('whalpha'); return { body, headers: { ...signed(body), 'webhook-signature': 'v1,AAAA' } }; }, statuses: [401] },
    { name: 'replayed: timestamp 6 minutes old (tolerance 5)', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { at: minutes(-6) }) }; }, statuses: [401] },
    { name: 'replayed: timestamp a day old', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { at: minutes(-24 * 60) }) }; }, statuses: [401] },
    { name: 'timestamp 10 minutes in the future', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { at: minutes(10) }) }; }, statuses: [401] },
    { name: "foreign store: B's producer with A's secret header", request: () => { const body = event('whbravo'); return { body, headers: signed(body, { secretHeader: SECRETS.alpha }) }; }, statuses: [401] },
    { name: 'a store that does not exist', request: () => { const body = event('nosuchstore'); return { body, headers: signed(body) }; }, statuses: [401] },
    { name: 'an uninstalled store with its own secret', request: () => { const body = event('whgone'); return { body, headers: signed(body, { secretHeader: SECRETS.gone }) }; }, statuses: [401] },
    { name: 'wrong secret header', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { secretHeader: 'wrong' }) }; }, statuses: [401] },
    { name: 'secret header missing', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { secretHeader: null }) }; }, statuses: [401] },
    { name: 'secret header with SQL', request: () => { const body = event('whalpha'); return { body, headers: signed(body, { secretHeader: `' OR '1'='1` }) }; }, statuses: [401] },
    { name: 'producer with SQL', request: () => { const body = event(`x' OR '1'='1`); return { body, headers: signed(body) }; }, statuses: [400] },
    { name: 'signed but malformed JSON', request: () => { const body = '{"scope": "store/order/created", '; return { body, headers: signed(body) }; }, statuses: [400, 401] },
    { name: 'signed but not an order event', request: () => { const body = JSON.stringify({ hello: 'world' }); return { body, headers: signed(body) }; }, statuses: [400] },
    { name: 'signed, valid, with 10,000 levels of nesting inside', request: () => { const body = event('whalpha').replace(/}$/, `,"extra":${nestedJson(10_000)}}`); return { body, headers: signed(body) }; }, statuses: [400] },
    { name: 'signed, valid, with 10,000 levels of nested objects', request: () => { const body = event('whalpha').replace(/}$/, `,"extra":${nestedJson(10_000, '{"a":', '}', '1')}}`); return { body, headers: signed(body) }; }, statuses: [400] },
    { name: 'signed, 10,000 levels of nesting only', request: () => { const body = nestedJson(10_000); return { body, headers: signed(body) }; }, statuses: [400] },
    { name: 'signed, valid, padded to 2 MB', request: () => { const body = event('whalpha', { padding: 'x'.repeat(2 * 1024 * 1024) }); return { body, headers: signed(body) }; }, statuses: [413] },
    { name: 'unsigned, 2 MB', request: () => ({ body: 'x'.repeat(2 * 1024 * 1024), headers: { 'content-type': 'application/json' } }), statuses: [401, 413] },
    { name: 'unsigned, nested', request: () => ({ body: nestedJson(10_000), headers: { 'content-type': 'application/json' } }), statuses: [400, 401] },
  ];

  it.each(cases)('$name: refused, nothing written', async ({ request, statuses }) => {
    const before = await fingerprint(db());
    const { body, headers } = request();
    await expectRefused(await deliver(body, headers), statuses);
    expect(await fingerprint(db())).toEqual(before);
  });

  it('a genuine delivery is taken once; replaying it (same id, in tolerance) writes nothing more', async () => {
    const body = event('whalpha');
    const headers = signed(body);
    const first = await deliver(body, headers);
    expect(first.status, await first.clone().text()).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'queued' });
    const after = await fingerprint(db());
    const replay = await deliver(body, headers);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ status: 'duplicate' });
    expect(await fingerprint(db())).toEqual(after);
  });
});

describe('POST /api/webhooks/whistl/[storeHash]/[secret]', () => {
  const send = (storeHash: string, secret: string, body: string) =>
    call(whistlPOST as RouteHandler, 'POST', `/api/webhooks/whistl/${encodeURIComponent(storeHash)}/${encodeURIComponent(secret)}`, { headers: { 'content-type': 'application/json' }, body }, { storeHash, secret });
  const cases: Array<{ name: string; storeHash: string; secret: () => string; body: () => string; statuses: number[] }> = [
    { name: 'wrong secret', storeHash: 'whalpha', secret: () => 'wrong-secret', body: () => '{"ID": 1}', statuses: [401] },
    { name: 'secret one character short', storeHash: 'whalpha', secret: () => whistlSecret.slice(0, -1), body: () => '{"ID": 1}', statuses: [401] },
    { name: 'empty secret', storeHash: 'whalpha', secret: () => '', body: () => '{"ID": 1}', statuses: [401] },
    { name: 'unknown store', storeHash: 'nosuchstore', secret: () => whistlSecret, body: () => '{"ID": 1}', statuses: [401] },
    { name: "A's secret on B's store", storeHash: 'whbravo', secret: () => whistlSecret, body: () => '{"ID": 1}', statuses: [401] },
    { name: 'uninstalled store', storeHash: 'whgone', secret: () => whistlSecret, body: () => '{"ID": 1}', statuses: [401] },
    { name: 'store hash with SQL', storeHash: `x' OR '1'='1`, secret: () => whistlSecret, body: () => '{"ID": 1}', statuses: [401] },
    { name: 'wrong secret, 2 MB body', storeHash: 'whalpha', secret: () => 'wrong', body: () => 'x'.repeat(2 * 1024 * 1024), statuses: [401, 413] },
    { name: 'right secret, malformed body', storeHash: 'whalpha', secret: () => whistlSecret, body: () => '{"ID": ', statuses: [400] },
    { name: 'right secret, no ID', storeHash: 'whalpha', secret: () => whistlSecret, body: () => '{"OrderNumber": "1"}', statuses: [400] },
    { name: 'right secret, ID with SQL', storeHash: 'whalpha', secret: () => whistlSecret, body: () => `{"ID": "1; DROP TABLE \\"Store\\""}`, statuses: [400] },
    { name: 'right secret, 10,000 levels of nesting', storeHash: 'whalpha', secret: () => whistlSecret, body: () => `{"ID": 1, "x": ${nestedJson(10_000)}}`, statuses: [400] },
    { name: 'right secret, 2 MB body', storeHash: 'whalpha', secret: () => whistlSecret, body: () => JSON.stringify({ ID: 1, padding: 'x'.repeat(2 * 1024 * 1024) }), statuses: [413] },
  ];
  it.each(cases)('$name: refused, nothing written', async ({ storeHash, secret, body, statuses }) => {
    const before = await fingerprint(db());
    await expectRefused(await send(storeHash, secret(), body()), statuses);
    expect(await fingerprint(db())).toEqual(before);
  });
});
