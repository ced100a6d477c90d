/** V3 webhooks: one hook per scope + destination for the app; duplicates are a 422. */
import { isRecord, json, v3Error } from '../http';
import { nextId, type Hook } from '../model';
import { serializeHook } from '../serialize';
import { KNOWN_SCOPES } from '../webhooks';
import { numericId, v3List, v3Page, type RestContext, type RestRouter } from './context';

interface HookFields {
  scope?: string;
  destination?: string;
  isActive?: boolean;
  headers?: Record<string, string> | null;
}

function parseHookBody(body: unknown, creating: boolean): HookFields {
  if (!isRecord(body)) throw v3Error(422, 'JSON data is missing or invalid', { body: 'must be a JSON object' });
  const errors: Record<string, string> = {};
  const fields: HookFields = {};
  if (body.scope !== undefined || creating) {
    if (typeof body.scope !== 'string' || body.scope === '') errors.scope = 'error.path.missing';
    else if (!KNOWN_SCOPES.includes(body.scope)) errors.scope = `scope ${body.scope} is not a valid webhook scope`;
    else fields.scope = body.scope;
  }
  if (body.destination !== undefined || creating) {
    if (typeof body.destination !== 'string' || body.destination === '') {
      errors.destination = 'error.path.missing';
    } else {
      let valid = false;
      try {
        const url = new URL(body.destination);
        valid = url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        valid = false;
      }
      if (valid) fields.destination = body.destination;
      else errors.destination = 'destination must be an absolute https URL';
    }
  }
  if (body.is_active !== undefined) {
    if (typeof body.is_active !== 'boolean') errors.is_active = 'is_active must be a boolean';
    else fields.isActive = body.is_active;
  }
  if (body.headers !== undefined) {
    if (body.headers === null) {
      fields.headers = null;
    } else if (!isRecord(body.headers) || Object.values(body.headers).some((value) => typeof value !== 'string')) {
      errors.headers = 'headers must be an object of string values';
    } else {
      fields.headers = Object.fromEntries(Object.entries(body.headers).map(([key, value]) => [key, String(value)]));
    }
  }
  if (Object.keys(errors).length > 0) throw v3Error(422, 'JSON data is missing or invalid', errors);
  return fields;
}

function findHook(ctx: RestContext, raw: string | undefined): Hook {
  const notFound = () => v3Error(404, `Webhook with id [${raw ?? ''}] not found`);
  const hook = ctx.store.hooks.get(numericId(raw, notFound));
  if (!hook) throw notFound();
  return hook;
}

function assertUnique(ctx: RestContext, scope: string, destination: string, exceptId?: number): void {
  for (const hook of ctx.store.hooks.values()) {
    if (hook.id !== exceptId && hook.scope === scope && hook.destination === destination) {
      throw v3Error(422, 'Webhook with the same scope and destination already exists for this store and client', {
        scope: `a webhook for ${scope} and ${destination} already exists (id ${hook.id})`,
      });
    }
  }
}

export function registerHookRoutes(router: RestRouter): void {
  router
    .add('GET', '/v3/hooks', (ctx) => {
      const { query } = ctx;
      const page = v3Page(query, 250);
      const active = query.get('is_active');
      const scope = query.get('scope');
      const destination = query.get('destination');
      const hooks = [...ctx.store.hooks.values()].filter(
        (hook) =>
          (active === null || String(hook.isActive) === active) &&
          (scope === null || hook.scope === scope) &&
          (destination === null || hook.destination === destination),
      );
      return v3List(hooks, page, query, (hook) => serializeHook(ctx.store, hook));
    })
    .add('POST', '/v3/hooks', (ctx) => {
      const fields = parseHookBody(ctx.body, true);
      const scope = fields.scope ?? '';
      const destination = fields.destination ?? '';
      assertUnique(ctx, scope, destination);
      const now = Math.floor(ctx.core.now() / 1000);
      const hook: Hook = {
        id: nextId(ctx.store, 'hook'),
        clientId: ctx.core.clientId,
        scope,
        destination,
        headers: fields.headers ?? null,
        isActive: fields.isActive ?? true,
        createdAt: now,
        updatedAt: now,
      };
      ctx.store.hooks.set(hook.id, hook);
      ctx.committed = true;
      return json(200, { data: serializeHook(ctx.store, hook), meta: {} });
    })
    .add('GET', '/v3/hooks/{id}', (ctx, params) => json(200, { data: serializeHook(ctx.store, findHook(ctx, params.id)), meta: {} }))
    .add('PUT', '/v3/hooks/{id}', (ctx, params) => {
      const hook = findHook(ctx, params.id);
      const fields = parseHookBody(ctx.body, false);
      assertUnique(ctx, fields.scope ?? hook.scope, fields.destination ?? hook.destination, hook.id);
      if (fields.scope !== undefined) hook.scope = fields.scope;
      if (fields.destination !== undefined) hook.destination = fields.destination;
      if (fields.isActive !== undefined) hook.isActive = fields.isActive;
      if (fields.headers !== undefined) hook.headers = fields.headers;
      hook.updatedAt = Math.floor(ctx.core.now() / 1000);
      ctx.committed = true;
      return json(200, { data: serializeHook(ctx.store, hook), meta: {} });
    })
    .add('DELETE', '/v3/hooks/{id}', (ctx, params) => {
      const hook = findHook(ctx, params.id);
      ctx.store.hooks.delete(hook.id);
      ctx.committed = true;
      return json(200, { data: serializeHook(ctx.store, hook), meta: {} });
    });
}
