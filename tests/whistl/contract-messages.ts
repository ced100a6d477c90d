import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The rejection message templates, read from the contract page itself (never copied into the product). */
export function contractRejectionTemplates(): string[] {
  const spec = readFileSync(path.resolve(process.cwd(), '../shared/specs/whistl-api.md'), 'utf8');
  const start = spec.search(/Rejections the connector must\s+expect/);
  const end = spec.indexOf('Other failures', start);
  if (start === -1 || end === -1) throw new Error('the contract page no longer lists its rejection messages');
  return [...spec.slice(start, end).matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

/** Fills a template: 'X' with the value, <Field> with the field name. */
export function fill(template: string, value: string, field = 'OrderNumber'): string {
  return template.replace(/'X'/g, `'${value}'`).replace('<Field>', field);
}
