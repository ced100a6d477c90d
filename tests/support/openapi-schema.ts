/**
 * Turns OpenAPI 3.0 schema objects into JSON Schema (draft-07) that ajv can compile:
 * local `$ref`s are inlined, `nullable` becomes a `null` type, boolean `exclusiveMinimum`/
 * `exclusiveMaximum` become numeric ones, and annotations ajv does not need (`example`,
 * `x-*`, `discriminator`, ...) are dropped.
 */

export type JsonObject = { [key: string]: unknown };
export type SchemaDirection = 'request' | 'response';

const DROPPED_KEYWORDS = new Set([
  'example',
  'examples',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
  'nullable',
  'readOnly',
  'writeOnly',
]);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Follows a local JSON pointer such as `#/components/schemas/order_Resp`. */
export function resolvePointer(document: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) {
    throw new Error(`Only local $refs are supported, got ${ref}`);
  }
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const segment = decodePointerSegment(raw);
    if (!isObject(node) || !(segment in node)) {
      throw new Error(`Unresolvable $ref ${ref}`);
    }
    node = node[segment];
  }
  return node;
}

/** Follows `$ref` chains on a non-schema object (a response, a request body, a parameter). */
export function derefObject(document: JsonObject, node: unknown): unknown {
  let current = node;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`Circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

function convertExclusiveBound(out: JsonObject, schema: JsonObject, bound: 'Minimum' | 'Maximum'): void {
  const exclusiveKey = `exclusive${bound}`;
  const limitKey = bound === 'Minimum' ? 'minimum' : 'maximum';
  const exclusive = schema[exclusiveKey];
  if (typeof exclusive === 'number') {
    out[exclusiveKey] = exclusive;
    return;
  }
  if (exclusive === true && typeof schema[limitKey] === 'number') {
    out[exclusiveKey] = schema[limitKey];
    delete out[limitKey];
  }
}

function applyNullable(out: JsonObject): JsonObject {
  const type = out.type;
  if (typeof type === 'string') {
    out.type = [type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

/**
 * Converts one OpenAPI schema (and everything under it) to JSON Schema.
 * `readOnly` properties are not required in requests and `writeOnly` ones not in responses.
 * A `$ref` cycle is cut with an accept-anything schema (`{}`).
 */
export function toJsonSchema(
  document: JsonObject,
  node: unknown,
  direction: SchemaDirection,
  refStack: readonly string[] = [],
): unknown {
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') {
    if (refStack.includes(node.$ref)) return {};
    return toJsonSchema(document, resolvePointer(document, node.$ref), direction, [...refStack, node.$ref]);
  }
  const convert = (child: unknown): unknown => toJsonSchema(document, child, direction, refStack);
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || DROPPED_KEYWORDS.has(key)) continue;
    if (key === 'exclusiveMinimum' || key === 'exclusiveMaximum') continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, convert(child)]));
    } else if ((key === 'allOf' || key === 'anyOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map(convert);
    } else if (key === 'items' || key === 'not' || (key === 'additionalProperties' && isObject(value))) {
      out[key] = convert(value);
    } else {
      out[key] = value;
    }
  }
  convertExclusiveBound(out, node, 'Minimum');
  convertExclusiveBound(out, node, 'Maximum');
  if (Array.isArray(node.required) && isObject(node.properties)) {
    const properties = node.properties;
    const skipped = direction === 'request' ? 'readOnly' : 'writeOnly';
    out.required = node.required.filter((name) => {
      if (typeof name !== 'string') return true;
      const property = derefObject(document, properties[name]);
      return !(isObject(property) && property[skipped] === true);
    });
  }
  return node.nullable === true ? applyNullable(out) : out;
}
