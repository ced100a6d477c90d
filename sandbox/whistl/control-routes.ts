import type { WhistlSandboxControl } from './control';
import type { AccountSeed, AutoAdvance, FaultsInput, SplitInput, StockLevelInput } from './control-schemas';
import { SandboxInputError } from './errors';
import { reply, type JsonReply } from './http';

interface ControlRoute {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  pattern: RegExp;
  handle(control: WhistlSandboxControl, params: string[], body: unknown): JsonReply | Promise<JsonReply>;
}

/** Reads a named field of a JSON object body; the control method validates its type. */
function field<T>(body: unknown, name: string): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SandboxInputError('The body must be a JSON object');
  }
  return (body as Record<string, unknown>)[name] as T;
}

const ok = { ok: true };

/**
 * The HTTP control API. Each route calls one WhistlSandboxControl method; bodies are
 * validated there (400 with a message on bad input, 404 for unknown accounts or orders).
 */
export const CONTROL_ROUTES: ControlRoute[] = [
  { method: 'POST', pattern: /^\/_sandbox\/accounts$/, handle: (c, _p, body) => reply(201, c.createAccount(body as AccountSeed)) },
  {
    method: 'PUT',
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/users$/,
    handle: (c, [id], body) => {
      c.setUser(id ?? '', body as { username: string; password: string });
      return reply(200, ok);
    },
  },
  {
    method: 'PUT',
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/stock$/,
    handle: (c, [id], body) => {
      c.setStock(id ?? '', field<StockLevelInput[]>(body, 'levels'));
      return reply(200, ok);
    },
  },
  {
    method: 'POST',
    pattern: /^\/_sandbox\/accounts\/([^/]+)\/advance$/,
    handle: (c, [id], body) => reply(200, c.advanceAllOrders(id ?? '', field<number>(body, 'statusId'))),
  },
  { method: 'GET', pattern: /^\/_sandbox\/orders\/(\d+)$/, handle: (c, [id]) => reply(200, c.getOrder(Number(id))) },
  {
    method: 'POST',
    pattern: /^\/_sandbox\/orders\/(\d+)\/advance$/,
    handle: (c, [id], body) => reply(200, c.advanceOrder(Number(id), field<number>(body, 'statusId'))),
  },
  {
    method: 'POST',
    pattern: /^\/_sandbox\/orders\/(\d+)\/split$/,
    handle: (c, [id], body) => reply(200, c.despatchInParts(Number(id), body as SplitInput)),
  },
  { method: 'POST', pattern: /^\/_sandbox\/orders\/(\d+)\/delivered$/, handle: (c, [id]) => reply(200, c.markDelivered(Number(id))) },
  { method: 'GET', pattern: /^\/_sandbox\/calls$/, handle: (c) => reply(200, c.callCounts()) },
  {
    method: 'DELETE',
    pattern: /^\/_sandbox\/calls$/,
    handle: (c) => {
      c.resetCallCounts();
      return reply(200, ok);
    },
  },
  { method: 'GET', pattern: /^\/_sandbox\/faults$/, handle: (c) => reply(200, c.getFaults()) },
  { method: 'PUT', pattern: /^\/_sandbox\/faults$/, handle: (c, _p, body) => reply(200, c.setFaults(body as FaultsInput)) },
  {
    method: 'DELETE',
    pattern: /^\/_sandbox\/faults$/,
    handle: (c) => {
      c.clearFaults();
      return reply(200, ok);
    },
  },
  { method: 'GET', pattern: /^\/_sandbox\/webhooks$/, handle: (c) => reply(200, c.webhookDeliveries()) },
  {
    method: 'POST',
    pattern: /^\/_sandbox\/webhooks\/flush$/,
    handle: async (c) => {
      await c.flushWebhooks();
      return reply(200, ok);
    },
  },
  { method: 'PUT', pattern: /^\/_sandbox\/auto-advance$/, handle: (c, _p, body) => reply(200, c.setAutoAdvance(body as AutoAdvance)) },
  { method: 'GET', pattern: /^\/_sandbox\/clock$/, handle: (c) => reply(200, c.clockInfo()) },
  { method: 'POST', pattern: /^\/_sandbox\/clock\/advance$/, handle: (c, _p, body) => reply(200, c.advanceClock(field<number>(body, 'ms'))) },
];
