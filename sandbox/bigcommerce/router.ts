/** Route templates such as `/v2/orders/{id}/shipments`, matched segment by segment. */
import type { SandboxResponse } from './http';

export interface Route<Ctx> {
  method: string;
  template: string;
  handler: (ctx: Ctx, params: Record<string, string>) => SandboxResponse | Promise<SandboxResponse>;
}

export interface RouteMatch<Ctx> {
  route: Route<Ctx>;
  params: Record<string, string>;
}

function segments(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

function matchTemplate(template: string, path: string): Record<string, string> | null {
  const parts = segments(template);
  const actual = segments(path);
  if (parts.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const value = actual[index] ?? '';
    const param = /^\{(\w+)\}$/.exec(part);
    if (param?.[1]) {
      params[param[1]] = decodeURIComponent(value);
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

export class Router<Ctx> {
  private readonly routes: Route<Ctx>[] = [];

  add(method: string, template: string, handler: Route<Ctx>['handler']): this {
    this.routes.push({ method: method.toUpperCase(), template, handler });
    return this;
  }

  /** Returns the match, `'method'` when only the method differs, or undefined. */
  match(method: string, path: string): RouteMatch<Ctx> | 'method' | undefined {
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchTemplate(route.template, path);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method.toUpperCase()) return { route, params };
    }
    return pathMatched ? 'method' : undefined;
  }
}
