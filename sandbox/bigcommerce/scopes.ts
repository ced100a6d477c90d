/** OAuth scope checks: which token scope each REST area needs (read-only scopes allow GET only). */

interface ScopeRule {
  prefix: string;
  /** The modify scope; `${scope}_read_only` also grants GET. Null: any token may call. */
  scope: string | null;
}

const RULES: ScopeRule[] = [
  { prefix: '/v2/orders', scope: 'store_v2_orders' },
  { prefix: '/v2/order_statuses', scope: 'store_v2_orders' },
  { prefix: '/v2/shipping', scope: 'store_v2_information' },
  { prefix: '/v3/catalog', scope: 'store_v2_products' },
  { prefix: '/v3/inventory', scope: 'store_inventory' },
  // Webhooks need no particular scope (webhooks.v3.yml: "None required").
  { prefix: '/v3/hooks', scope: null },
];

/** Returns the missing scope's name, or undefined when the granted scopes allow the call. */
export function missingScope(method: string, path: string, granted: string): string | undefined {
  const rule = RULES.find((candidate) => path === candidate.prefix || path.startsWith(`${candidate.prefix}/`) || path.startsWith(`${candidate.prefix}?`));
  if (!rule?.scope) return undefined;
  const scopes = new Set(granted.split(/[\s,]+/).filter((scope) => scope.length > 0));
  if (scopes.has(rule.scope)) return undefined;
  if (method === 'GET' && scopes.has(`${rule.scope}_read_only`)) return undefined;
  return method === 'GET' ? `${rule.scope}_read_only` : rule.scope;
}
