import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiBadRequest } from './api-params';
import { apiRoutes, handleAuth, type ApiRoute } from './api-routes';
import { WhistlSandboxControl, type SandboxControlOptions } from './control';
import { CONTROL_ROUTES } from './control-routes';
import { SandboxInputError, SandboxNotFoundError } from './errors';
import { BodyError, Query, readJson, reply, sendJson, type JsonReply } from './http';

export interface WhistlSandboxOptions extends SandboxControlOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

const DENIED = { Message: 'Authorization has been denied for this request.' };

/** A running simulator: the HTTP server plus the in-process control methods. */
export class WhistlSandbox extends WhistlSandboxControl {
  readonly url: string;
  readonly port: number;
  private readonly routes: ApiRoute[];
  private readonly pending = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    options: WhistlSandboxOptions,
    port: number,
    host: string,
  ) {
    super(options);
    this.port = port;
    this.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    this.routes = apiRoutes(this.state, this.fulfilment);
    this.restartTimer();
  }

  static async start(options: WhistlSandboxOptions = {}): Promise<WhistlSandbox> {
    const host = options.host ?? '127.0.0.1';
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const sandbox = new WhistlSandbox(server, options, (server.address() as AddressInfo).port, host);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      sandbox.handle(req, res).catch((error: unknown) => {
        sendJson(res, reply(500, { Message: error instanceof Error ? error.message : 'Internal error' }));
      });
    });
    return sandbox;
  }

  async close(): Promise<void> {
    this.stopTimer();
    for (const timer of this.pending) clearTimeout(timer);
    this.pending.clear();
    await this.flushWebhooks();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const method = (req.method ?? 'GET').toUpperCase();
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (error) {
      const message = error instanceof BodyError ? error.message : 'The request is invalid.';
      sendJson(res, url.pathname.startsWith('/_sandbox') ? reply(400, { message }) : reply(400, { Message: message }));
      return;
    }
    if (url.pathname.startsWith('/_sandbox/')) {
      sendJson(res, await this.handleControl(method, url.pathname, body));
      return;
    }
    await this.handleApi(req, res, method, url, body);
  }

  private async handleControl(method: string, path: string, body: unknown): Promise<JsonReply> {
    const matches = CONTROL_ROUTES.filter((r) => r.pattern.test(path));
    const route = matches.find((r) => r.method === method);
    if (!route) return reply(matches.length > 0 ? 405 : 404, { message: `No control route ${method} ${path}` });
    try {
      return await route.handle(this, route.pattern.exec(path)?.slice(1) ?? [], body);
    } catch (error) {
      if (error instanceof SandboxInputError) return reply(400, { message: error.message });
      if (error instanceof SandboxNotFoundError) return reply(404, { message: error.message });
      throw error;
    }
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, method: string, url: URL, body: unknown): Promise<void> {
    const path = url.pathname.replace(/\/+$/, '');
    const query = new Query(url.searchParams);
    if (/^\/api\/Auth$/i.test(path)) {
      this.recordCall(`${method} /api/Auth`);
      // The legacy GET /api/Auth?username=&password= was switched off on 2024-05-01.
      const answer =
        method === 'POST'
          ? handleAuth(this.state, body)
          : reply(405, { Message: `The requested resource does not support http method '${method}'.` });
      sendJson(res, answer);
      return;
    }
    const route = this.routes.find((r) => r.method === method && r.pattern.test(path));
    if (!route) {
      sendJson(res, reply(404, { Message: `No HTTP resource was found that matches the request URI '${url.pathname}'.` }));
      return;
    }
    this.recordCall(route.key);
    this.tick();
    if (this.faults.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.faults.latencyMs));

    if (query.has('APIKey')) {
      sendJson(res, reply(401, { Message: 'The APIKey query parameter was switched off on 2024-05-01: send the ms-apikey header.' }));
      return;
    }
    const fault = this.faults.beforeHandle(route.key);
    if (fault.kind === 'throttle') {
      sendJson(res, reply(429, { Message: 'Too many requests' }, { 'retry-after': String(fault.retryAfterSeconds) }));
      return;
    }
    if (fault.kind === 'error') {
      sendJson(res, reply(fault.status, { Message: 'An error has occurred.' }));
      return;
    }
    const header = req.headers['ms-apikey'];
    const account = typeof header === 'string' ? this.state.accountForKey(header) : undefined;
    if (!account || fault.kind === 'unauthorized') {
      sendJson(res, reply(401, DENIED));
      return;
    }

    let answer: JsonReply;
    try {
      answer = route.handle({ account, query, params: route.pattern.exec(path)?.slice(1) ?? [], body });
    } catch (error) {
      if (!(error instanceof ApiBadRequest)) throw error;
      answer = reply(400, { Message: error.message });
    }
    if (route.key === 'PUT /api/Order' && isCommitted(answer)) {
      const lost = this.faults.loseCreateResponse();
      if (lost?.mode === 'destroy') {
        req.socket.destroy();
        return;
      }
      if (lost) {
        const timer = setTimeout(() => {
          this.pending.delete(timer);
          sendJson(res, answer);
        }, lost.delayMs);
        this.pending.add(timer);
        return;
      }
    }
    sendJson(res, answer);
  }
}

function isCommitted(answer: JsonReply): boolean {
  return answer.status === 200 && Array.isArray(answer.body) && (answer.body[0] as { Success?: unknown } | undefined)?.Success === true;
}

export function startWhistlSandbox(options: WhistlSandboxOptions = {}): Promise<WhistlSandbox> {
  return WhistlSandbox.start(options);
}
