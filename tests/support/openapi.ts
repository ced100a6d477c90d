/**
 * Contract-test helper: validates BigCommerce request and response bodies against the official
 * OpenAPI files in ../shared/specs/bigcommerce (read at test time, never imported by the product).
 *
 * Paths are the part after `/stores/{hash}`, e.g. `/v2/orders/100/shipments` or
 * `/v3/inventory/adjustments/absolute`; a query string, a `/stores/{hash}` prefix or a full URL
 * are tolerated. Every function returns a list of human-readable errors: empty means valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { derefObject, isObject, toJsonSchema, type JsonObject, type SchemaDirection } from './openapi-schema';

export const BIGCOMMERCE_SPEC_DIR = path.resolve(process.cwd(), '../shared/specs/bigcommerce');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface SpecFile {
  file: string;
  version: string;
  document: JsonObject;
}

export interface BigCommerceOperation {
  file: string;
  method: string;
  /** Version-prefixed template, e.g. `/v2/orders/{order_id}/shipments`. */
  template: string;
  operationId: string | undefined;
  operation: JsonObject;
  document: JsonObject;
  pathParams: Record<string, string>;
}

let specsCache: SpecFile[] | undefined;

function serverVersion(document: JsonObject, file: string): string {
  const servers = Array.isArray(document.servers) ? document.servers : [];
  for (const server of servers) {
    const match = isObject(server) && typeof server.url === 'string' ? /\/(v\d+)\/?$/.exec(server.url) : null;
    if (match?.[1]) return match[1];
  }
  throw new Error(`${file}: no server URL ending in /v2 or /v3`);
}

/** Loads every `*.yml` file of the spec folder once per process. */
export function loadBigCommerceSpecs(): readonly SpecFile[] {
  if (specsCache) return specsCache;
  specsCache = fs
    .readdirSync(BIGCOMMERCE_SPEC_DIR)
    .filter((file) => file.endsWith('.yml') || file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const document: unknown = parse(fs.readFileSync(path.join(BIGCOMMERCE_SPEC_DIR, file), 'utf8'));
      if (!isObject(document)) throw new Error(`${file} is not an OpenAPI document`);
      return { file, version: serverVersion(document, file), document };
    });
  return specsCache;
}

function normalisePath(rawPath: string): string {
  let pathname = rawPath;
  if (/^https?:\/\//i.test(pathname)) pathname = new URL(pathname).pathname;
  pathname = pathname.split('?')[0] ?? '';
  pathname = pathname.replace(/^\/stores\/[^/]+/, '');
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

function splitSegments(value: string): string[] {
  return value.split('/').filter((segment) => segment.length > 0);
}

/** Matches concrete segments against a template; returns params and how many were literal. */
function matchTemplate(template: string, segments: string[]): { params: Record<string, string>; literals: number } | null {
  const parts = splitSegments(template);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  let literals = 0;
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    const param = /^\{(.+)\}$/.exec(part);
    if (param?.[1]) {
      params[param[1]] = decodeURIComponent(segment);
    } else if (part === segment) {
      literals += 1;
    } else {
      return null;
    }
  }
  return { params, literals };
}

/** Finds the spec operation for a method and a concrete path; the most literal template wins. */
export function findBigCommerceOperation(method: string, rawPath: string): BigCommerceOperation | undefined {
  const lowerMethod = method.toLowerCase();
  const [version, ...rest] = splitSegments(normalisePath(rawPath));
  if (!version) return undefined;
  let best: (BigCommerceOperation & { literals: number }) | undefined;
  for (const spec of loadBigCommerceSpecs()) {
    if (spec.version !== version || !isObject(spec.document.paths)) continue;
    for (const [template, pathItem] of Object.entries(spec.document.paths)) {
      if (!isObject(pathItem)) continue;
      const operation = pathItem[lowerMethod];
      if (!isObject(operation)) continue;
      const match = matchTemplate(template, rest);
      if (!match || (best && best.literals >= match.literals)) continue;
      best = {
        file: spec.file,
        method: lowerMethod,
        template: `/${version}${template}`,
        operationId: typeof operation.operationId === 'string' ? operation.operationId : undefined,
        operation,
        document: spec.document,
        pathParams: match.params,
        literals: match.literals,
      };
    }
  }
  if (!best) return undefined;
  const { literals: _literals, ...operation } = best;
  return operation;
}

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
// Formats that appear in BigCommerce's files but mean nothing to JSON Schema.
ajv.addFormat('enum', true);
ajv.addFormat('string', true);
const validatorCache = new Map<string, ValidateFunction>();

function compile(key: string, document: JsonObject, schema: unknown, direction: SchemaDirection): ValidateFunction {
  const cached = validatorCache.get(key);
  if (cached) return cached;
  const converted = toJsonSchema(document, schema, direction);
  const validator = ajv.compile(isObject(converted) || typeof converted === 'boolean' ? converted : {});
  validatorCache.set(key, validator);
  return validator;
}

function formatError(error: ErrorObject): string {
  const where = error.instancePath || '(root)';
  const params = Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : '';
  return `${where} ${error.message ?? 'is invalid'}${params}`;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

/** Picks the JSON media type's schema from a `content` map, if the content declares one. */
function jsonSchemaOf(content: unknown): { declared: boolean; schema: unknown } {
  if (!isObject(content)) return { declared: false, schema: undefined };
  const mediaType = Object.keys(content).find((type) => /json/i.test(type)) ?? Object.keys(content)[0];
  if (!mediaType) return { declared: false, schema: undefined };
  const media = content[mediaType];
  return { declared: true, schema: isObject(media) ? media.schema : undefined };
}

function describe(method: string, rawPath: string): string {
  return `${method.toUpperCase()} ${normalisePath(rawPath)}`;
}

function validateAgainst(
  key: string,
  op: BigCommerceOperation,
  content: unknown,
  body: unknown,
  direction: SchemaDirection,
  label: string,
): string[] {
  const { declared, schema } = jsonSchemaOf(content);
  if (!declared) {
    return isEmptyBody(body) ? [] : [`${label}: the spec declares no body but one was given`];
  }
  if (schema === undefined) return [];
  if (body === undefined) return [`${label}: a body is declared but none was given`];
  const validate = compile(key, op.document, schema, direction);
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => `${label}: ${formatError(error)}`);
}

/** Validates a response body; `body` is the parsed JSON (undefined for an empty body). */
export function validateBigCommerceResponse(method: string, rawPath: string, status: number, body: unknown): string[] {
  const label = `${describe(method, rawPath)} -> ${status}`;
  const op = findBigCommerceOperation(method, rawPath);
  if (!op) return [`no such operation: ${describe(method, rawPath)}`];
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const statusKey = [String(status), `${String(status).charAt(0)}XX`, `${String(status).charAt(0)}xx`, 'default'].find(
    (candidate) => candidate in responses,
  );
  if (!statusKey) {
    return [`${label}: status ${status} not declared for ${op.template} (declared: ${Object.keys(responses).join(', ')})`];
  }
  const response = derefObject(op.document, responses[statusKey]);
  const content = isObject(response) ? response.content : undefined;
  const key = `response ${op.file} ${op.method} ${op.template} ${statusKey}`;
  return validateAgainst(key, op, content, body, 'response', label);
}

/** Validates a request body; `body` is the JSON the client sends (undefined for none). */
export function validateBigCommerceRequest(method: string, rawPath: string, body: unknown): string[] {
  const label = `${describe(method, rawPath)} request`;
  const op = findBigCommerceOperation(method, rawPath);
  if (!op) return [`no such operation: ${describe(method, rawPath)}`];
  const requestBody = derefObject(op.document, op.operation.requestBody);
  if (!isObject(requestBody)) {
    return isEmptyBody(body) ? [] : [`${label}: the spec declares no request body but one was given`];
  }
  if (body === undefined) {
    return requestBody.required === true ? [`${label}: the request body is required`] : [];
  }
  const key = `request ${op.file} ${op.method} ${op.template}`;
  return validateAgainst(key, op, requestBody.content, body, 'request', label);
}

function queryParameters(op: BigCommerceOperation): JsonObject[] {
  const pathItem = isObject(op.document.paths) ? op.document.paths[op.template.replace(/^\/v\d+/, '')] : undefined;
  const shared = isObject(pathItem) && Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
  const own = Array.isArray(op.operation.parameters) ? op.operation.parameters : [];
  return [...shared, ...own]
    .map((parameter) => derefObject(op.document, parameter))
    .filter((parameter): parameter is JsonObject => isObject(parameter) && parameter.in === 'query');
}

function coerceQueryValue(schema: unknown, raw: string): unknown {
  const type = isObject(schema) ? schema.type : undefined;
  const scalar = (itemType: unknown, value: string): unknown => {
    const types = Array.isArray(itemType) ? itemType : [itemType];
    if ((types.includes('integer') || types.includes('number')) && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
    if (types.includes('boolean') && (value === 'true' || value === 'false')) return value === 'true';
    return value;
  };
  if (type === 'array') {
    const items = isObject(schema) && isObject(schema.items) ? schema.items.type : undefined;
    return raw.split(',').map((value) => scalar(items, value));
  }
  return scalar(type, raw);
}

/**
 * Validates a request's query string: every parameter must be declared by the operation and
 * its value must match the parameter schema (comma lists for `style: form, explode: false`).
 */
export function validateBigCommerceQuery(method: string, rawPath: string, query: URLSearchParams | Record<string, string>): string[] {
  const label = `${describe(method, rawPath)} query`;
  const op = findBigCommerceOperation(method, rawPath);
  if (!op) return [`no such operation: ${describe(method, rawPath)}`];
  const declared = queryParameters(op);
  const entries = query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  const errors: string[] = [];
  for (const [name, raw] of entries) {
    const parameter = declared.find((candidate) => candidate.name === name);
    if (!parameter) {
      errors.push(`${label}: parameter ${name} is not declared`);
      continue;
    }
    const converted = toJsonSchema(op.document, parameter.schema, 'request');
    const validate = compile(`query ${op.file} ${op.method} ${op.template} ${name}`, op.document, parameter.schema ?? {}, 'request');
    if (!validate(coerceQueryValue(converted, raw))) {
      errors.push(...(validate.errors ?? []).map((error) => `${label}: ${name} ${formatError(error)}`));
    }
  }
  for (const parameter of declared) {
    if (parameter.required === true && !entries.some(([name]) => name === parameter.name)) {
      errors.push(`${label}: required parameter ${String(parameter.name)} is missing`);
    }
  }
  return errors;
}

/** Every operation of the spec folder, for coverage listings. */
export function listBigCommerceOperations(): { method: string; template: string; operationId: string | undefined }[] {
  return loadBigCommerceSpecs().flatMap((spec) =>
    Object.entries(isObject(spec.document.paths) ? spec.document.paths : {}).flatMap(([template, pathItem]) =>
      HTTP_METHODS.filter((method) => isObject(pathItem) && isObject(pathItem[method])).map((method) => {
        const operation = isObject(pathItem) ? pathItem[method] : undefined;
        return {
          method: method.toUpperCase(),
          template: `/${spec.version}${template}`,
          operationId: isObject(operation) && typeof operation.operationId === 'string' ? operation.operationId : undefined,
        };
      }),
    ),
  );
}
