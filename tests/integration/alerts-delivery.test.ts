import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createChannelPOST, GET as channelsGET } from '@/app/api/alerts/channels/route';
import { DELETE as channelDELETE } from '@/app/api/alerts/channels/[id]/route';
import { GET as deliveriesGET } from '@/app/api/alerts/deliveries/route';
import { GET as smtpGET, PUT as smtpPUT } from '@/app/api/alerts/smtp/route';
import { POST as testPOST } from '@/app/api/alerts/test/route';
import { GET as cronGET, POST as cronPOST } from '@/app/api/cron/monitor/route';
import { monitorJob } from '@/lib/jobs/monitor-job';
import type { AlertSenders } from '@/lib/sync/alerts/deliver';
import { sendEmail, type TransportFactory } from '@/lib/sync/alerts/send-email';
import { sendSlack } from '@/lib/sync/alerts/send-slack';
import type { ExportDeps } from '@/lib/sync/export/deps';
import { setupTestDatabase } from '../setup/db';
import { panelRequest } from '../support/app';
import { json, seedOrder, seedStore, type SeededStore } from './panel-support';

const { db } = setupTestDatabase();

/** A Slack-compatible webhook on localhost that records messages and answers as told. */
let hook: Server;
let hookUrl = '';
let hookStatus = 200;
const slackMessages: string[] = [];
const emails: Array<{ to: string; subject: string; text: string }> = [];

beforeAll(async () => {
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (hookStatus === 200) slackMessages.push((JSON.parse(body) as { text: string }).text);
      res.writeHead(hookStatus).end(hookStatus === 200 ? 'ok' : 'invalid_token');
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/services/T1/B1/very-secret-token`;
});
afterAll(() => new Promise((resolve) => hook.close(resolve)));

const jsonMail: TransportFactory = () => {
  const transport = nodemailer.createTransport({ jsonTransport: true });
  return {
    sendMail: async (mail) => {
      const info = await transport.sendMail(mail);
      const parsed = JSON.parse(String(info.message)) as { to: Array<{ address: string }>; subject: string; text: string };
      emails.push({ to: parsed.to[0]!.address, subject: parsed.subject, text: parsed.text });
      return info;
    },
  };
};
/** Slack for real (to the local hook); email through nodemailer's JSON transport, or a real SMTP attempt. */
const senders = (realSmtp = false): AlertSenders => ({
  slack: sendSlack,
  email: (smtp, to, message, options) => sendEmail(smtp, to, message, { timeoutMs: 500, ...(realSmtp ? {} : { transport: jsonMail }) }).then(() => options && undefined),
});

const noVendors = (now: () => Date): ExportDeps => ({
  bigcommerce: () => Promise.reject(new Error('not used')),
  whistl: () => Promise.reject(new Error('not used')),
  now,
});

async function runMonitor(at: Date, realSmtp = false) {
  // The sync jobs are healthy unless a test says otherwise.
  for (const job of ['orders', 'fulfilment', 'inventory']) await db().jobRun.create({ data: { job, startedAt: at, finishedAt: at, ok: true } });
  return monitorJob(db(), { exportDeps: noVendors(() => at), senders: senders(realSmtp) });
}

async function addChannel(store: SeededStore, body: Record<string, unknown>) {
  const res = await json<{ channel: { id: string; label: string } }>(panelRequest(createChannelPOST, store.tokens.ADMIN, '/api/alerts/channels', { method: 'POST', body: JSON.stringify(body) }));
  expect(res.status).toBe(201);
  return res.body.channel;
}

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe('alert channels and SMTP settings', () => {
  it('keeps webhook URLs and the SMTP password encrypted, never returned, audited without secrets', async () => {
    const store = await seedStore(db(), 'alrt1');
    const channel = await addChannel(store, { kind: 'SLACK', ownerTeam: 'OPS', url: hookUrl });
    expect(channel.label).toBe(`Webhook at ${new URL(hookUrl).host}`);
    const listed = await json<{ channels: unknown[] }>(panelRequest(channelsGET, store.tokens.OPS, '/api/alerts/channels'));
    expect(JSON.stringify(listed.body)).not.toContain('very-secret-token');
    const row = await db().alertChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(row.targetEnc).not.toContain('very-secret-token');

    const put = await json<{ smtp: Record<string, unknown> }>(
      panelRequest(smtpPUT, store.tokens.ADMIN, '/api/alerts/smtp', { method: 'PUT', body: JSON.stringify({ host: 'smtp.example.com', port: 587, user: 'alerts', password: 'Sup3r-Secret', from: 'alerts@shop.example.com' }) }),
    );
    expect(put.status).toBe(200);
    const got = await json<{ smtp: Record<string, unknown> }>(panelRequest(smtpGET, store.tokens.OPS, '/api/alerts/smtp'));
    expect(got.body.smtp).toEqual({ host: 'smtp.example.com', port: 587, user: 'alerts', from: 'alerts@shop.example.com', hasPassword: true, configured: true });
    // Saving without a password keeps the stored one.
    await panelRequest(smtpPUT, store.tokens.ADMIN, '/api/alerts/smtp', { method: 'PUT', body: JSON.stringify({ host: 'smtp2.example.com', port: 25, from: 'alerts@shop.example.com' }) });
    const settings = await db().storeSettings.findUniqueOrThrow({ where: { storeId: store.storeId } });
    expect(settings.smtpPasswordEnc).toBeTruthy();
    expect(settings.smtpPasswordEnc).not.toContain('Sup3r-Secret');

    const audit = await db().auditLog.findMany({ where: { storeId: store.storeId } });
    expect(audit.map((a) => a.action).sort()).toEqual(['alert-channel.create', 'smtp-settings.save', 'smtp-settings.save']);
    expect(JSON.stringify(audit)).not.toMatch(/very-secret-token|Sup3r-Secret/);

    expect((await panelRequest(createChannelPOST, store.tokens.ADMIN, '/api/alerts/channels', { method: 'POST', body: JSON.stringify({ kind: 'SLACK', ownerTeam: 'OPS', url: 'http://hooks.example.com/x' }) })).status).toBe(400);
    expect((await panelRequest(channelDELETE, store.tokens.OPS, `/api/alerts/channels/${channel.id}`, { method: 'DELETE' }, { id: channel.id })).status).toBe(403);
    const other = await seedStore(db(), 'alrt1b');
    expect((await panelRequest(channelDELETE, other.tokens.ADMIN, `/api/alerts/channels/${channel.id}`, { method: 'DELETE' }, { id: channel.id })).status).toBe(404);
    expect((await panelRequest(channelDELETE, store.tokens.ADMIN, `/api/alerts/channels/${channel.id}`, { method: 'DELETE' }, { id: channel.id })).status).toBe(200);
    expect(await db().alertChannel.count({ where: { storeId: store.storeId } })).toBe(0);
  });
});

describe('monitor alerting', () => {
  it('alerts a failed export at once, once: the same exception does not alert every minute', async () => {
    const store = await seedStore(db(), 'alrt2');
    await addChannel(store, { kind: 'SLACK', ownerTeam: 'OPS', url: hookUrl });
    await seedOrder(db(), store.storeId, 5001, [{ type: 'EXPORT_FAILED', reasonKey: 'export-failed', message: 'Whistl timed out six times' }], { state: 'FAILED' });
    slackMessages.length = 0;
    const t0 = new Date();
    const first = await runMonitor(t0);
    expect(first.alerts).toMatchObject({ sent: 1, failed: 0 });
    expect(slackMessages).toHaveLength(1);
    expect(slackMessages[0]).toContain('Order #5001: Could not reach Whistl');
    expect(slackMessages[0]).toContain('/help#EXPORT_FAILED');

    for (const n of [1, 2, 30, 600]) {
      const again = await runMonitor(minutes(t0, n));
      expect(again.alerts.sent).toBe(0);
      expect(again.alerts.suppressed).toBeGreaterThan(0);
    }
    expect(slackMessages).toHaveLength(1);
    const deliveries = await db().alertDelivery.findMany({ where: { storeId: store.storeId } });
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ status: 'SENT', urgency: 'IMMEDIATE', dedupeKey: expect.stringMatching(/^exception:/) as unknown as string });
  });

  it('folds other exceptions into one hourly digest per team, routed to ops when the team has no channel', async () => {
    const store = await seedStore(db(), 'alrt3');
    await addChannel(store, { kind: 'SLACK', ownerTeam: 'OPS', url: hookUrl });
    await db().alertChannel.updateMany({ where: { storeId: { not: store.storeId } }, data: { enabled: false } });
    const t0 = new Date();
    await seedOrder(db(), store.storeId, 6001, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:x', createdAt: minutes(t0, -5) }]);
    await seedOrder(db(), store.storeId, 6002, [{ type: 'UNMAPPED_SHIPPING', reasonKey: 'shipping:x', createdAt: minutes(t0, -4) }]);
    await seedOrder(db(), store.storeId, 6003, [{ type: 'INVALID_ADDRESS', reasonKey: 'address', createdAt: minutes(t0, -3) }]);
    slackMessages.length = 0;
    await runMonitor(t0);
    // One message for the tick: the ops digest and the customer-service digest (no CX channel: ops gets it).
    expect(slackMessages).toHaveLength(1);
    expect(slackMessages[0]).toContain('Ops digest: 2 new exceptions');
    expect(slackMessages[0]).toContain('Shipping method not mapped: 2 (#6001, #6002)');
    expect(slackMessages[0]).toContain('Customer service digest: 1 new exception');

    // Within the hour nothing more, even with a new exception; it waits for the next digest.
    await seedOrder(db(), store.storeId, 6004, [{ type: 'WHISTL_STUCK', reasonKey: 'stuck:1', createdAt: minutes(t0, 10) }]);
    await runMonitor(minutes(t0, 11));
    expect(slackMessages).toHaveLength(1);
    await runMonitor(minutes(t0, 61));
    expect(slackMessages).toHaveLength(2);
    expect(slackMessages[1]).toContain('Ops digest: 1 new exception');
    expect(slackMessages[1]).toContain('Order stuck at Whistl: 1 (#6004)');
    expect(slackMessages[1]).not.toContain('#6001');
  });

  it('warns about orders at risk before the cutoff, then gives a final call', async () => {
    const store = await seedStore(db(), 'alrt4');
    await addChannel(store, { kind: 'EMAIL', ownerTeam: 'OPS', email: 'ops@shop.example.com' });
    await addChannel(store, { kind: 'EMAIL', ownerTeam: 'CX', email: 'cx@shop.example.com' });
    await panelRequest(smtpPUT, store.tokens.ADMIN, '/api/alerts/smtp', { method: 'PUT', body: JSON.stringify({ host: 'smtp.example.com', port: 587, from: 'alerts@shop.example.com' }) });
    const t0 = new Date();
    const cutoffAt = minutes(t0, 90);
    const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(cutoffAt);
    await db().storeSettings.update({ where: { storeId: store.storeId }, data: { cutoffTime: hhmm, timeZone: 'Europe/London' } });
    await seedOrder(db(), store.storeId, 7001, [], { state: 'PENDING' });
    await seedOrder(db(), store.storeId, 7002, [{ type: 'INVALID_ADDRESS', reasonKey: 'address' }]);
    emails.length = 0;

    const summary = await runMonitor(t0);
    expect(summary.atRisk).toBe(2);
    const cutoffMails = () => emails.filter((m) => m.subject.includes('may miss'));
    expect(cutoffMails().map((m) => m.to).sort()).toEqual(['cx@shop.example.com', 'ops@shop.example.com']);
    const ops = cutoffMails().find((m) => m.to === 'ops@shop.example.com')!;
    expect(ops.text).toContain('#7001');
    expect(ops.text).toContain('#7002');
    const cx = cutoffMails().find((m) => m.to === 'cx@shop.example.com')!;
    expect(cx.text).toContain('#7002');
    expect(cx.text).not.toContain('#7001');

    await runMonitor(minutes(t0, 5));
    expect(cutoffMails()).toHaveLength(2);
    await runMonitor(minutes(t0, 65));
    const finals = cutoffMails().filter((m) => m.subject.includes('Final call'));
    expect(finals.map((m) => m.to).sort()).toEqual(['cx@shop.example.com', 'ops@shop.example.com']);
  });

  it('reports a stopped sync job to ops, and again only after its window', async () => {
    const store = await seedStore(db(), 'alrt5');
    await db().alertChannel.updateMany({ data: { enabled: false } });
    await addChannel(store, { kind: 'SLACK', ownerTeam: 'OPS', url: hookUrl });
    const t0 = new Date();
    await db().store.update({ where: { id: store.storeId }, data: { installedAt: minutes(t0, -600) } });
    await db().jobRun.deleteMany({});
    const healthy = async (at: Date) => {
      for (const job of ['fulfilment', 'inventory']) await db().jobRun.create({ data: { job, startedAt: at, finishedAt: at, ok: true } });
    };
    await db().jobRun.create({ data: { job: 'orders', startedAt: minutes(t0, -40), finishedAt: minutes(t0, -40), ok: true } });
    await db().jobRun.create({ data: { job: 'orders', startedAt: minutes(t0, -1), finishedAt: minutes(t0, -1), ok: false, summary: { error: 'Whistl login refused' } } });
    slackMessages.length = 0;
    await healthy(t0);
    await monitorJob(db(), { exportDeps: noVendors(() => t0), senders: senders() });
    expect(slackMessages).toHaveLength(1);
    expect(slackMessages[0]).toContain('The orders sync has stopped');
    expect(slackMessages[0]).toContain('No good orders run for 40 min');
    expect(slackMessages[0]).toContain('failed (Whistl login refused)');
    await healthy(minutes(t0, 60));
    await monitorJob(db(), { exportDeps: noVendors(() => minutes(t0, 60)), senders: senders() });
    expect(slackMessages).toHaveLength(1);
    await healthy(minutes(t0, 121));
    await monitorJob(db(), { exportDeps: noVendors(() => minutes(t0, 121)), senders: senders() });
    expect(slackMessages).toHaveLength(2);
  });
});

describe('delivery failures are visible', () => {
  it('records a failed webhook with its reason, retries after ten minutes, and shows it in the panel', async () => {
    const store = await seedStore(db(), 'alrt6');
    await db().alertChannel.updateMany({ data: { enabled: false } });
    await addChannel(store, { kind: 'SLACK', ownerTeam: 'OPS', url: hookUrl });
    await seedOrder(db(), store.storeId, 8001, [{ type: 'WRITEBACK_FAILED', reasonKey: 'writeback:1' }], { state: 'EXPORTED' });
    hookStatus = 500;
    try {
      const t0 = new Date();
      expect((await runMonitor(t0)).alerts).toMatchObject({ sent: 0, failed: 1 });
      expect((await runMonitor(minutes(t0, 1))).alerts).toMatchObject({ failed: 0, suppressed: 1 });
      hookStatus = 200;
      slackMessages.length = 0;
      expect((await runMonitor(minutes(t0, 11))).alerts).toMatchObject({ sent: 1 });
      expect(slackMessages).toHaveLength(1);
    } finally {
      hookStatus = 200;
    }
    const panel = await json<{ deliveries: Array<{ status: string; error: string | null; channel: string }>; failedLastDay: number }>(panelRequest(deliveriesGET, store.tokens.OPS, '/api/alerts/deliveries'));
    expect(panel.body.failedLastDay).toBe(1);
    expect(panel.body.deliveries.map((d) => d.status)).toEqual(['SENT', 'FAILED']);
    expect(panel.body.deliveries[1]!.error).toBe('Webhook answered HTTP 500: invalid_token');
    expect(JSON.stringify(panel.body)).not.toContain('very-secret-token');
  });

  it('records an unreachable SMTP server and a missing SMTP setup as failures, quickly', async () => {
    const store = await seedStore(db(), 'alrt7');
    await db().alertChannel.updateMany({ data: { enabled: false } });
    await addChannel(store, { kind: 'EMAIL', ownerTeam: 'OPS', email: 'ops@shop.example.com' });
    await seedOrder(db(), store.storeId, 9001, [{ type: 'EXPORT_FAILED', reasonKey: 'export-failed' }], { state: 'FAILED' });
    const t0 = new Date();
    await runMonitor(t0, true);
    let failed = await db().alertDelivery.findFirstOrThrow({ where: { storeId: store.storeId } });
    expect(failed).toMatchObject({ status: 'FAILED', error: 'Email is not set up: enter the SMTP server under Settings > Alerts.' });

    await panelRequest(smtpPUT, store.tokens.ADMIN, '/api/alerts/smtp', { method: 'PUT', body: JSON.stringify({ host: '127.0.0.1', port: 9, user: 'u', password: 'Smtp-Secret-99', from: 'alerts@shop.example.com' }) });
    const started = Date.now();
    await runMonitor(minutes(t0, 11), true);
    expect(Date.now() - started).toBeLessThan(5_000);
    failed = await db().alertDelivery.findFirstOrThrow({ where: { storeId: store.storeId }, orderBy: { createdAt: 'desc' } });
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/^Email not sent: /);
    expect(failed.error).not.toContain('Smtp-Secret-99');
  });

  it('"send test alert" reaches each channel and reports each result', async () => {
    const store = await seedStore(db(), 'alrt8');
    const good = await addChannel(store, { kind: 'SLACK', ownerTeam: 'OPS', url: hookUrl });
    await addChannel(store, { kind: 'SLACK', ownerTeam: 'CX', url: 'http://127.0.0.1:9/services/closed' });
    slackMessages.length = 0;
    const one = await json<{ results: Array<{ ok: boolean }> }>(panelRequest(testPOST, store.tokens.OPS, '/api/alerts/test', { method: 'POST', body: JSON.stringify({ channelId: good.id }) }));
    expect(one.body.results).toEqual([{ channelId: good.id, label: good.label, ok: true, error: null }]);
    expect(slackMessages[0]).toContain('Test alert from the Whistl connector');
    const all = await json<{ results: Array<{ ok: boolean; error: string | null }> }>(panelRequest(testPOST, store.tokens.ADMIN, '/api/alerts/test', { method: 'POST', body: '{}' }));
    expect(all.body.results.map((r) => r.ok)).toEqual([true, false]);
    expect(all.body.results[1]!.error).toMatch(/^Webhook not reached/);
    expect((await panelRequest(testPOST, store.tokens.CX, '/api/alerts/test', { method: 'POST', body: '{}' })).status).toBe(403);
    expect(await db().alertDelivery.count({ where: { storeId: store.storeId, urgency: 'TEST' } })).toBe(3);
  });
});

describe('/api/cron/monitor', () => {
  it('needs the cron secret and answers with a JSON summary', async () => {
    const call = (handler: typeof cronGET, authorization?: string) =>
      handler(new Request('http://localhost/api/cron/monitor', { method: 'POST', headers: authorization ? { authorization } : {} }));
    expect((await call(cronPOST)).status).toBe(401);
    expect((await call(cronPOST, 'Bearer wrong')).status).toBe(401);
    await db().alertChannel.updateMany({ data: { enabled: false } });
    for (const handler of [cronGET, cronPOST]) {
      const response = await call(handler, 'Bearer test-cron-secret-0123456789');
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ job: 'monitor', ok: true, drift: { storesChecked: 0 }, alerts: { sent: 0 } });
      expect(body.stores).toEqual(expect.any(Number));
    }
    expect(await db().jobRun.count({ where: { job: 'monitor', ok: true } })).toBe(2);
  });
});
