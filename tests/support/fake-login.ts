import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TokenRequest {
  client_id: string;
  client_secret: string;
  redirect_uri: string;
  grant_type: string;
  code: string;
  scope: string;
  context: string;
}

type Reply = { status: number; body: unknown } | 'hang-up';

/** A stand-in for login.bigcommerce.com's token endpoint; each test decides the answer. */
export class FakeLoginServer {
  readonly requests: TokenRequest[] = [];
  private server?: Server;
  reply: (request: TokenRequest) => Reply = () => ({ status: 500, body: { error: 'not configured' } });

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void readJson(req).then((body) => {
        const request = body as TokenRequest;
        const isTokenExchange = req.method === 'POST' && req.url === '/oauth2/token';
        if (isTokenExchange) this.requests.push(request);
        const reply = isTokenExchange ? this.reply(request) : { status: 404, body: { error: 'not found' } };
        if (reply === 'hang-up') {
          res.socket?.destroy();
          return;
        }
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return null;
  }
}

export function grantFor(storeHash: string, user = { id: 100, email: 'owner@example.com' }, token = `token-${storeHash}`) {
  return {
    access_token: token,
    scope: 'store_v2_orders store_inventory',
    user,
    owner: { id: 100, email: 'owner@example.com' },
    context: `stores/${storeHash}`,
    account_uuid: '00000000-0000-0000-0000-000000000000',
  };
}
