/**
 * The GraphQL Admin API (`POST /stores/{hash}/graphql`), for App Extensions only: the
 * `store { appExtensions }` query and the create / update / delete mutations. Not a GraphQL
 * engine: the operation is recognised by its root field, arguments are read with a small value
 * parser (literals and `$variables`), and every node is returned with all its fields whatever
 * the selection. Errors follow GraphQL: HTTP 200 with `errors` and `data: null`.
 */
import type { SandboxCore } from './core';
import { isRecord, json, type SandboxResponse } from './http';
import type { StoreState } from './model';

export const APP_EXTENSION_SCOPE = 'store_app_extensions_manage';
const CONTEXTS = ['PANEL', 'LINK'] as const;
const MODELS = ['ORDERS', 'PRODUCTS', 'CUSTOMERS'] as const;
const URL_MAX_LENGTH = 2048;
const LABEL_MAX_LENGTH = 255;

export interface AppExtensionRecord {
  id: string;
  context: (typeof CONTEXTS)[number];
  model: (typeof MODELS)[number];
  url: string;
  label: { defaultValue: string; locales: { value: string; localeCode: string }[] };
}

interface ExtensionRegistry {
  nextId: number;
  /** clientId -> extensions that app registered on this store. */
  byApp: Map<string, Map<string, AppExtensionRecord>>;
}

const registries = new WeakMap<StoreState, ExtensionRegistry>();

function registry(store: StoreState): ExtensionRegistry {
  let found = registries.get(store);
  if (!found) {
    found = { nextId: 0, byApp: new Map() };
    registries.set(store, found);
  }
  return found;
}

function appExtensions(store: StoreState, clientId: string): Map<string, AppExtensionRecord> {
  const reg = registry(store);
  let map = reg.byApp.get(clientId);
  if (!map) {
    map = new Map();
    reg.byApp.set(clientId, map);
  }
  return map;
}

/** The extensions an app registered on a store, oldest first. */
export function listAppExtensions(store: StoreState, clientId: string): AppExtensionRecord[] {
  return [...appExtensions(store, clientId).values()].map((ext) => structuredClone(ext));
}

/** Uninstall: the platform drops what the app registered with its API account. */
export function clearAppExtensions(store: StoreState, clientId: string): void {
  registry(store).byApp.delete(clientId);
}

export function findAppExtension(store: StoreState, clientId: string, id: string): AppExtensionRecord | undefined {
  return appExtensions(store, clientId).get(id);
}

// ---------------------------------------------------------------------------------------------
// A tiny reader for GraphQL argument values: strings, numbers, booleans, null, enums, lists,
// objects and $variables. Enough for `(input: { ... })` written inline or passed as a variable.

class GraphqlInputError extends Error {}

type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | { enum: string };

class ValueReader {
  private pos: number;
  constructor(
    private readonly text: string,
    start: number,
    private readonly variables: Record<string, unknown>,
  ) {
    this.pos = start;
  }

  private skip(): void {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '#') {
        while (this.pos < this.text.length && this.text[this.pos] !== '\n') this.pos += 1;
      } else if (/[\s,]/.test(ch)) this.pos += 1;
      else break;
    }
  }

  private name(): string {
    this.skip();
    const match = /^[_A-Za-z][_0-9A-Za-z]*/.exec(this.text.slice(this.pos));
    if (!match) throw new GraphqlInputError(`Syntax error: expected a name at position ${this.pos}`);
    this.pos += match[0].length;
    return match[0];
  }

  private expect(ch: string): void {
    this.skip();
    if (this.text[this.pos] !== ch) throw new GraphqlInputError(`Syntax error: expected "${ch}" at position ${this.pos}`);
    this.pos += 1;
  }

  /** `(name: value, ...)` starting at "(" */
  arguments(): Record<string, unknown> {
    const args: Record<string, unknown> = {};
    this.expect('(');
    for (;;) {
      this.skip();
      if (this.text[this.pos] === ')') {
        this.pos += 1;
        return args;
      }
      const key = this.name();
      this.expect(':');
      args[key] = plain(this.value());
    }
  }

  value(): Value {
    this.skip();
    const ch = this.text[this.pos];
    if (ch === undefined) throw new GraphqlInputError('Syntax error: unexpected end of the document');
    if (ch === '$') {
      this.pos += 1;
      const name = this.name();
      if (!(name in this.variables)) throw new GraphqlInputError(`Variable "$${name}" was not provided`);
      return this.variables[name] as Value;
    }
    if (ch === '"') return this.string();
    if (ch === '[') {
      this.pos += 1;
      const items: Value[] = [];
      for (;;) {
        this.skip();
        if (this.text[this.pos] === ']') {
          this.pos += 1;
          return items;
        }
        items.push(this.value());
      }
    }
    if (ch === '{') {
      this.pos += 1;
      const object: { [key: string]: Value } = {};
      for (;;) {
        this.skip();
        if (this.text[this.pos] === '}') {
          this.pos += 1;
          return object;
        }
        const key = this.name();
        this.expect(':');
        object[key] = this.value();
      }
    }
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (number) {
      this.pos += number[0].length;
      return Number(number[0]);
    }
    const word = this.name();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return { enum: word };
  }

  private string(): string {
    if (this.text.startsWith('"""', this.pos)) {
      const end = this.text.indexOf('"""', this.pos + 3);
      if (end < 0) throw new GraphqlInputError('Syntax error: unterminated string');
      const value = this.text.slice(this.pos + 3, end);
      this.pos = end + 3;
      return value;
    }
    let out = '';
    this.pos += 1;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos]!;
      if (ch === '"') {
        this.pos += 1;
        return out;
      }
      if (ch === '\\') {
        const next = this.text[this.pos + 1];
        if (next === 'u') {
          out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
          continue;
        }
        out += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[next ?? ''] ?? next ?? '';
        this.pos += 2;
        continue;
      }
      out += ch;
      this.pos += 1;
    }
    throw new GraphqlInputError('Syntax error: unterminated string');
  }
}

/** Enum literals become their name; everything else stays as parsed. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'enum' && typeof value.enum === 'string') return value.enum;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

/** Strips comments and string contents so field names inside strings are not mistaken for fields. */
function codeOnly(query: string): string {
  return query.replace(/"""[\s\S]*?"""|"(?:[^"\\]|\\.)*"|#[^\n]*/g, (m) => ' '.repeat(m.length));
}

function argumentsOf(query: string, field: string, variables: Record<string, unknown>): Record<string, unknown> {
  const code = codeOnly(query);
  const match = new RegExp(`\\b${field}\\s*\\(`).exec(code);
  if (!match) throw new GraphqlInputError(`Field "${field}" needs an "input" argument`);
  return new ValueReader(query, match.index + match[0].length - 1, variables).arguments();
}

// ---------------------------------------------------------------------------------------------

function gqlError(message: string, path: string[] = []): SandboxResponse {
  return json(200, { data: null, errors: [{ message, locations: [], path, extensions: { code: 'BAD_USER_INPUT' } }] });
}

function validUrl(url: unknown): url is string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') && url.length <= URL_MAX_LENGTH && !/[\s\u0000-\u001f]/.test(url);
}

function readLabel(raw: unknown, field: string): AppExtensionRecord['label'] {
  if (!isRecord(raw)) throw new GraphqlInputError(`${field}: expected { defaultValue, locales }`);
  const defaultValue = raw.defaultValue;
  if (typeof defaultValue !== 'string' || defaultValue.trim() === '' || defaultValue.length > LABEL_MAX_LENGTH) {
    throw new GraphqlInputError(`${field}.defaultValue: a non-empty string of at most ${LABEL_MAX_LENGTH} characters`);
  }
  const locales = raw.locales ?? [];
  if (!Array.isArray(locales)) throw new GraphqlInputError(`${field}.locales: expected a list`);
  return {
    defaultValue,
    locales: locales.map((locale, index) => {
      if (!isRecord(locale) || typeof locale.value !== 'string' || typeof locale.localeCode !== 'string') {
        throw new GraphqlInputError(`${field}.locales[${index}]: expected { value, localeCode }`);
      }
      return { value: locale.value, localeCode: locale.localeCode };
    }),
  };
}

function inputOf(args: Record<string, unknown>): Record<string, unknown> {
  if (!isRecord(args.input)) throw new GraphqlInputError('Argument "input" is required and must be an object');
  return args.input;
}

function createExtension(store: StoreState, clientId: string, args: Record<string, unknown>): AppExtensionRecord {
  const input = inputOf(args);
  if (!CONTEXTS.includes(input.context as (typeof CONTEXTS)[number])) throw new GraphqlInputError(`input.context: one of ${CONTEXTS.join(', ')}`);
  if (!MODELS.includes(input.model as (typeof MODELS)[number])) throw new GraphqlInputError(`input.model: one of ${MODELS.join(', ')}`);
  if (!validUrl(input.url)) throw new GraphqlInputError('input.url: an app path starting with a single "/", e.g. "/orders/${id}"');
  const label = readLabel(input.label, 'input.label');
  const reg = registry(store);
  reg.nextId += 1;
  const record: AppExtensionRecord = {
    id: `bc/store/appExtension/${reg.nextId}`,
    context: input.context as AppExtensionRecord['context'],
    model: input.model as AppExtensionRecord['model'],
    url: input.url,
    label,
  };
  appExtensions(store, clientId).set(record.id, record);
  return record;
}

function updateExtension(store: StoreState, clientId: string, args: Record<string, unknown>): AppExtensionRecord {
  const input = inputOf(args);
  const record = typeof input.id === 'string' ? appExtensions(store, clientId).get(input.id) : undefined;
  if (!record) throw new GraphqlInputError(`App extension ${String(input.id)} was not found`);
  if (!isRecord(input.data)) throw new GraphqlInputError('input.data: expected { url?, label? }');
  const { url, label } = input.data;
  if (url !== undefined && !validUrl(url)) throw new GraphqlInputError('input.data.url: an app path starting with a single "/"');
  const newLabel = label !== undefined ? readLabel(label, 'input.data.label') : undefined;
  if (typeof url === 'string') record.url = url;
  if (newLabel) record.label = newLabel;
  return record;
}

function deleteExtension(store: StoreState, clientId: string, args: Record<string, unknown>): string {
  const input = inputOf(args);
  const map = appExtensions(store, clientId);
  if (typeof input.id !== 'string' || !map.has(input.id)) throw new GraphqlInputError(`App extension ${String(input.id)} was not found`);
  map.delete(input.id);
  return input.id;
}

function node(record: AppExtensionRecord): Record<string, unknown> {
  return { id: record.id, context: record.context, model: record.model, url: record.url, label: structuredClone(record.label) };
}

/** One GraphQL request, already authenticated and counted against the store's quota. */
export function handleGraphql(core: SandboxCore, store: StoreState, body: unknown, granted: string): SandboxResponse {
  if (!isRecord(body) || typeof body.query !== 'string' || body.query.trim() === '') {
    return json(400, { errors: [{ message: 'Expected a JSON body { query, variables? }' }] });
  }
  if (body.variables !== undefined && body.variables !== null && !isRecord(body.variables)) return gqlError('"variables" must be an object');
  const variables = (isRecord(body.variables) ? body.variables : {}) as Record<string, unknown>;
  const code = codeOnly(body.query);
  const has = (field: string) => new RegExp(`\\b${field}\\b`).test(code);
  const scopes = new Set(granted.split(/[\s,]+/));
  const mutation = /^\s*mutation\b/.test(code);
  const allowed = scopes.has(APP_EXTENSION_SCOPE) || (!mutation && scopes.has(`${APP_EXTENSION_SCOPE}_read_only`));
  try {
    if (mutation) {
      if (!allowed) return gqlError(`Missing scope ${APP_EXTENSION_SCOPE}`, ['appExtension']);
      if (has('createAppExtension')) {
        const record = createExtension(store, core.clientId, argumentsOf(body.query, 'createAppExtension', variables));
        return json(200, { data: { appExtension: { createAppExtension: { appExtension: node(record) } } } });
      }
      if (has('updateAppExtension')) {
        const record = updateExtension(store, core.clientId, argumentsOf(body.query, 'updateAppExtension', variables));
        return json(200, { data: { appExtension: { updateAppExtension: { appExtension: node(record) } } } });
      }
      if (has('deleteAppExtension')) {
        const id = deleteExtension(store, core.clientId, argumentsOf(body.query, 'deleteAppExtension', variables));
        return json(200, { data: { appExtension: { deleteAppExtension: { deletedAppExtensionId: id } } } });
      }
      return gqlError('This simulator serves only the createAppExtension, updateAppExtension and deleteAppExtension mutations');
    }
    if (has('appExtensions')) {
      if (!allowed) return gqlError(`Missing scope ${APP_EXTENSION_SCOPE}`, ['store', 'appExtensions']);
      const edges = listAppExtensions(store, core.clientId).map((record) => ({ node: node(record) }));
      return json(200, { data: { store: { appExtensions: { edges } } } });
    }
    return gqlError('This simulator serves only the store { appExtensions } query');
  } catch (error) {
    if (error instanceof GraphqlInputError) return gqlError(error.message);
    throw error;
  }
}
