import { describe, expect, it } from 'vitest';
import { createWhistlClient, WhistlBadRequestError, WhistlError, WhistlRetriableError } from '@/lib/whistl';
import { parseRetryAfter } from '@/lib/whistl/backoff';
import { orderInput } from './harness';

/** A client whose fetch answers with canned responses, in order. */
function clientAnswering(...responses: Response[]) {
  const calls: string[] = [];
  const fake: typeof fetch = async (url) => {
    calls.push(String(url));
    const next = responses.shift();
    if (!next) throw new Error('no more canned responses');
    return next;
  };
  const client = createWhistlClient({ baseUrl: 'http://whistl.test/', apiKey: 'k', fetch: fake, retry: { baseDelayMs: 1, maxDelayMs: 1 } });
  return { client, calls };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

describe('client edge cases (canned responses)', () => {
  it('400 with a plain JSON string body', async () => {
    const { client } = clientAnswering(json(400, 'OrderItems must be an array'));
    const error = await client.createOrder(orderInput()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WhistlBadRequestError);
    expect(error).toMatchObject({ detail: 'OrderItems must be an array', status: 400, bodySnippet: '"OrderItems must be an array"' });
  });

  it('400 with {Message} and with raw text', async () => {
    const { client } = clientAnswering(json(400, { Message: 'bad' }), new Response('plain text', { status: 400 }));
    await expect(client.listWarehouses()).rejects.toMatchObject({ detail: 'bad' });
    await expect(client.listWarehouses()).rejects.toMatchObject({ detail: 'plain text' });
  });

  it('an unexpected shape or non-JSON body is a non-retriable WhistlError naming the field', async () => {
    const { client, calls } = clientAnswering(json(200, [{ ID: 'one', Name: 'x' }]), new Response('<html>', { status: 200 }));
    const shape = await client.listWarehouses().catch((e: unknown) => e);
    expect(shape).toBeInstanceOf(WhistlError);
    expect(shape).not.toBeInstanceOf(WhistlRetriableError);
    expect((shape as Error).message).toMatch(/at 0\.ID/);
    await expect(client.listWarehouses()).rejects.toThrow('Whistl returned a body that is not JSON');
    expect(calls).toHaveLength(2);
  });

  it('an empty create result array is an error, not a silent success', async () => {
    const { client } = clientAnswering(json(200, []));
    await expect(client.createOrder(orderInput())).rejects.toThrow(/Unexpected response shape/);
  });

  it('reads only [0] of the create result array', async () => {
    const { client } = clientAnswering(
      json(200, [
        { OrderId: 5, OrderNumber: 'A', Success: true, OrderStatusId: 1, Message: '', OrderItems: [] },
        { OrderId: 0, Success: false, Message: 'ignored' },
      ]),
    );
    expect(await client.createOrder(orderInput())).toMatchObject({ kind: 'created', orderId: 5 });
  });

  it('tolerates nulls in order JSON and maps PascalCase to camelCase once', async () => {
    const { client, calls } = clientAnswering(
      json(200, {
        ID: 9,
        OrderNumber: 'N9',
        OrderStatusId: 4,
        TrackingNumber: null,
        DespatchDate: '2026-08-01T10:00:00',
        LastUpdated: null,
        OrderItems: [{ ID: 1, SKU: 'S', Quantity: 2 }],
      }),
    );
    expect(await client.getOrder(9)).toMatchObject({
      id: 9,
      trackingNumber: null,
      despatchDate: new Date('2026-08-01T09:00:00Z'),
      lastUpdated: null,
      part: null,
      items: [{ id: 1, sku: 'S', quantity: 2, unitPrice: null }],
    });
    expect(calls).toEqual(['http://whistl.test/api/Order/9']);
  });

  it('Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:05 GMT', Date.parse('2026-11-26T10:00:00Z'))).toBe(5000);
  });

  it('rejects nonsense order ids before calling Whistl', async () => {
    const { client, calls } = clientAnswering();
    await expect(client.getOrder(-1)).rejects.toThrow(RangeError);
    expect(calls).toEqual([]);
  });
});
