import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { combine } from '@/lib/sync/alerts/deliver';
import { duration } from '@/lib/sync/alerts/evaluate-alerts';
import { sendEmail, type SmtpConfig, type TransportFactory } from '@/lib/sync/alerts/send-email';
import { sendSlack } from '@/lib/sync/alerts/send-slack';

const servers: Array<Server | TcpServer> = [];
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.destroy());
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function webhook(answer: (req: IncomingMessage, body: string) => { status: number; body?: string } | null) {
  const received: Array<{ body: string; contentType: string | undefined }> = [];
  const server = createHttpServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, contentType: req.headers['content-type'] });
      const reply = answer(req, body);
      if (!reply) return; // never answers: the sender must time out
      res.writeHead(reply.status, { 'content-type': 'text/plain' });
      res.end(reply.body ?? 'ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/services/T000/B000/secret-token-xyz`, received };
}

const message = { subject: 'Order #101: Could not reach Whistl', text: 'Sending failed six times.' };

describe('sendSlack', () => {
  it('POSTs JSON {text} with the subject and body', async () => {
    const hook = await webhook(() => ({ status: 200 }));
    await sendSlack(hook.url, message, { timeoutMs: 2_000 });
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.contentType).toBe('application/json');
    expect(JSON.parse(hook.received[0]!.body)).toEqual({ text: '*Order #101: Could not reach Whistl*\nSending failed six times.' });
  });

  it('reports an HTTP error with the service answer, never the URL', async () => {
    const hook = await webhook(() => ({ status: 404, body: 'no_service' }));
    const error = await sendSlack(hook.url, message, { timeoutMs: 2_000 }).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect(error!.message).toBe('Webhook answered HTTP 404: no_service');
    expect(error!.message).not.toContain('secret-token-xyz');
  });

  it('gives up after the timeout when the webhook never answers', async () => {
    const hook = await webhook(() => null);
    const started = Date.now();
    await expect(sendSlack(hook.url, message, { timeoutMs: 300 })).rejects.toThrow('Webhook not reached: no answer within 300 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('names the network error when nothing listens', async () => {
    const error = await sendSlack('http://127.0.0.1:9/services/secret-token-xyz', message, { timeoutMs: 2_000 }).catch((e: unknown) => e as Error);
    expect(error!.message).toMatch(/^Webhook not reached: /);
    expect(error!.message).not.toContain('secret-token-xyz');
  });
});

const smtp: SmtpConfig = { host: '127.0.0.1', port: 9, user: 'alerts', password: 'smtp-pass-Secret!', from: 'alerts@shop.example.com' };

describe('sendEmail', () => {
  it('builds the message with the store sender (JSON transport, nothing leaves the machine)', async () => {
    const sent: string[] = [];
    const transport: TransportFactory = () => {
      const json = nodemailer.createTransport({ jsonTransport: true });
      return { sendMail: async (mail) => { const info = await json.sendMail(mail); sent.push(String(info.message)); return info; } };
    };
    await sendEmail(smtp, 'ops@shop.example.com', message, { timeoutMs: 1_000, transport });
    const mail = JSON.parse(sent[0]!) as { from: { address: string }; to: Array<{ address: string }>; subject: string; text: string };
    expect(mail.from.address).toBe('alerts@shop.example.com');
    expect(mail.to[0]!.address).toBe('ops@shop.example.com');
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toBe(message.text);
  });

  it('fails fast, without the password, when the SMTP host refuses the connection', async () => {
    const started = Date.now();
    const error = await sendEmail(smtp, 'ops@shop.example.com', message, { timeoutMs: 500 }).catch((e: unknown) => e as Error);
    expect(error!.message).toMatch(/^Email not sent: /);
    expect(error!.message).not.toContain(smtp.password!);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('times out on a server that accepts but never greets', async () => {
    const silent = createTcpServer((socket) => sockets.push(socket));
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    await expect(sendEmail({ ...smtp, port }, 'ops@shop.example.com', message, { timeoutMs: 300 })).rejects.toThrow(/^Email not sent: /);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe('message helpers', () => {
  it('sends one alert as itself and several as one message', () => {
    const base = { team: 'OPS' as const, windowMs: 1, urgency: 'IMMEDIATE' as const };
    expect(combine([{ ...base, dedupeKey: 'a', subject: 'A', body: 'a body' }])).toEqual({ subject: '[Whistl] A', text: 'a body' });
    const two = combine([
      { ...base, dedupeKey: 'a', subject: 'A', body: 'a body' },
      { ...base, dedupeKey: 'b', subject: 'B', body: 'b body', urgency: 'DIGEST' },
    ]);
    expect(two.subject).toBe('[Whistl] 2 alerts (1 urgent): A');
    expect(two.text).toBe('• A\na body\n\n• B\nb body');
  });

  it('writes durations for people', () => {
    expect(duration(45 * 60_000)).toBe('45 min');
    expect(duration(190 * 60_000)).toBe('3 h 10 min');
    expect(duration(3 * 3_600_000)).toBe('3 h');
    expect(duration(50 * 3_600_000)).toBe('2 days');
  });
});
