import type { DbClient } from '../../db/types';
import type { ExceptionType, OwnerTeam } from '../../generated/prisma/enums';
import { listAtRiskOrders, nextCutoff, type AtRiskOrder } from '../cutoff/cutoff';
import { ownerFor, RUNBOOK } from '../rules';
import { ALERT_POLICY, WATCHED_JOBS, type DueAlert } from './types';

/** Exception types that alert at once: the order will not reach the customer unless someone acts now. */
export const CRITICAL_EXCEPTION_TYPES: readonly ExceptionType[] = ['EXPORT_FAILED', 'WRITEBACK_FAILED', 'CANCEL_FAILED'];

const TEAM_NAMES: Record<OwnerTeam, string> = { OPS: 'Ops', CX: 'Customer service', MERCHANDISING: 'Merchandising', FINANCE: 'Finance' };

export interface AlertEvaluation {
  alerts: DueAlert[];
  atRisk: number;
  cutoffAt: Date | null;
}

/**
 * Which alerts are due for one store now. Pure reading: nothing is sent or recorded here, and
 * repeats are filtered later by dedupe key (deliver.ts), so calling this every minute is safe.
 * - immediate: each open critical exception; a sync job with no good run for a while; orders at
 *   risk of missing the dispatch cutoff (a warning, then a final call);
 * - digest per team, at most hourly: the other exceptions opened since that team's last digest.
 */
export async function evaluateAlerts(db: DbClient, storeId: string, now: Date): Promise<AlertEvaluation> {
  const settings = await db.storeSettings.findUnique({ where: { storeId }, select: { cutoffTime: true, timeZone: true, exceptionOwners: true } });
  const cutoff = await cutoffAlerts(db, storeId, settings, now);
  const alerts = [...(await criticalExceptionAlerts(db, storeId, now)), ...(await syncStoppedAlerts(db, storeId, now)), ...cutoff.alerts, ...(await digestAlerts(db, storeId, now))];
  return { alerts, atRisk: cutoff.atRisk, cutoffAt: cutoff.cutoffAt };
}

async function criticalExceptionAlerts(db: DbClient, storeId: string, now: Date): Promise<DueAlert[]> {
  const rows = await db.syncException.findMany({
    where: { storeId, status: 'OPEN', type: { in: [...CRITICAL_EXCEPTION_TYPES] }, updatedAt: { gte: new Date(now.getTime() - ALERT_POLICY.exceptionLookbackMs) } },
    include: { orderSync: { select: { bcOrderId: true } } },
    orderBy: { createdAt: 'asc' },
    take: 500,
  });
  return rows.map((row) => {
    const entry = RUNBOOK[row.type];
    const order = row.orderSync ? `Order #${row.orderSync.bcOrderId}` : 'Store';
    return {
      team: row.ownerTeam,
      dedupeKey: `exception:${row.id}`,
      windowMs: ALERT_POLICY.exceptionWindowMs,
      urgency: 'IMMEDIATE',
      subject: `${order}: ${entry.title}`,
      body: [row.message, `What to do: ${entry.fix}`, `Runbook: Help > ${entry.title} (/help#${row.type})`].join('\n'),
    };
  });
}

async function syncStoppedAlerts(db: DbClient, storeId: string, now: Date): Promise<DueAlert[]> {
  const store = await db.store.findUnique({ where: { id: storeId }, select: { installedAt: true } });
  if (!store) return [];
  const alerts: DueAlert[] = [];
  for (const job of WATCHED_JOBS) {
    const lastGood = await db.jobRun.findFirst({ where: { job, ok: true, finishedAt: { not: null } }, orderBy: { finishedAt: 'desc' }, select: { finishedAt: true } });
    const since = lastGood?.finishedAt ?? store.installedAt;
    const silentMs = now.getTime() - since.getTime();
    if (silentMs <= ALERT_POLICY.syncStoppedAfterMs) continue;
    const lastRun = await db.jobRun.findFirst({ where: { job }, orderBy: { startedAt: 'desc' }, select: { startedAt: true, ok: true, summary: true } });
    const lastError = lastRun && lastRun.ok === false ? errorOf(lastRun.summary) : null;
    alerts.push({
      team: 'OPS',
      dedupeKey: `sync-stopped:${job}`,
      windowMs: ALERT_POLICY.syncStoppedWindowMs,
      urgency: 'IMMEDIATE',
      subject: `The ${job} sync has stopped`,
      body: [
        lastGood?.finishedAt ? `No good ${job} run for ${duration(silentMs)} (last good run ${lastGood.finishedAt.toISOString()}).` : `No good ${job} run since the app was installed ${duration(silentMs)} ago.`,
        lastRun ? `Last attempt ${lastRun.startedAt.toISOString()}: ${lastRun.ok === null ? 'still running or never finished' : lastRun.ok ? 'ok' : `failed${lastError ? ` (${lastError})` : ''}`}.` : 'The job has never run: check that the cron calls are configured.',
        JOB_IMPACT[job],
      ].join('\n'),
    });
  }
  return alerts;
}

const JOB_IMPACT: Record<(typeof WATCHED_JOBS)[number], string> = {
  orders: 'While it is stopped, new orders are not sent to Whistl and will miss the warehouse.',
  fulfilment: 'While it is stopped, despatched parcels are not marked shipped in BigCommerce and customers get no tracking.',
  inventory: 'While it is stopped, storefront stock levels are not updated from Whistl.',
};

async function cutoffAlerts(
  db: DbClient,
  storeId: string,
  settings: { cutoffTime: string | null; timeZone: string; exceptionOwners: unknown } | null,
  now: Date,
): Promise<{ alerts: DueAlert[]; atRisk: number; cutoffAt: Date | null }> {
  const next = settings ? nextCutoff(settings, now) : null;
  if (!settings || !next || next.msLeft > ALERT_POLICY.cutoffWarningMs) return { alerts: [], atRisk: 0, cutoffAt: next?.cutoffAt ?? null };
  const orders = await listAtRiskOrders(db, storeId, now);
  if (orders.length === 0) return { alerts: [], atRisk: 0, cutoffAt: next.cutoffAt };
  const stage = next.msLeft <= ALERT_POLICY.cutoffFinalMs ? 'final' : 'warning';
  const at = new Intl.DateTimeFormat('en-GB', { timeZone: settings.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(next.cutoffAt);
  // Ops hears about every order at risk; another team also hears about the ones its exceptions hold.
  const byTeam = new Map<OwnerTeam, AtRiskOrder[]>([['OPS', orders]]);
  for (const order of orders) {
    for (const team of new Set(order.exceptionTypes.map((type) => ownerFor(type, settings.exceptionOwners)))) {
      if (team === 'OPS') continue;
      byTeam.set(team, [...(byTeam.get(team) ?? []), order]);
    }
  }
  const alerts: DueAlert[] = [...byTeam].map(([team, list]) => ({
    team,
    dedupeKey: `cutoff:${next.cutoffAt.toISOString()}:${stage}`,
    windowMs: ALERT_POLICY.cutoffWarningMs + ALERT_POLICY.digestWindowMs,
    urgency: 'IMMEDIATE',
    subject: `${stage === 'final' ? 'Final call: ' : ''}${list.length} order${list.length === 1 ? '' : 's'} may miss today's ${at} collection (${duration(next.msLeft)} left)`,
    body: [
      ...listed(list.map((o) => `#${o.bcOrderId}${o.customerName ? ` (${o.customerName})` : ''}: ${o.detail}`)),
      team === 'OPS' ? 'Fix the exceptions or chase the warehouse before the cutoff; the dashboard counts down.' : `These orders are held by ${TEAM_NAMES[team].toLowerCase()} exceptions: fix them in the Exceptions queue.`,
    ].join('\n'),
  }));
  return { alerts, atRisk: orders.length, cutoffAt: next.cutoffAt };
}

async function digestAlerts(db: DbClient, storeId: string, now: Date): Promise<DueAlert[]> {
  const teams = await db.alertChannel.findMany({ where: { storeId, enabled: true }, distinct: ['ownerTeam'], select: { ownerTeam: true } });
  const alerts: DueAlert[] = [];
  // OPS channels also receive the digests of teams that have no channel of their own (deliver.ts).
  const teamsWithChannels = new Set(teams.map((t) => t.ownerTeam));
  const digestTeams = (['OPS', 'CX', 'MERCHANDISING', 'FINANCE'] as const).filter((team) => teamsWithChannels.has(team) || teamsWithChannels.has('OPS'));
  for (const team of digestTeams) {
    const last = await db.alertDelivery.findFirst({ where: { storeId, status: 'SENT', dedupeKey: `digest:${team}` }, orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
    const floor = now.getTime() - ALERT_POLICY.digestLookbackMs;
    const since = new Date(Math.max(last?.createdAt.getTime() ?? now.getTime() - ALERT_POLICY.digestWindowMs, floor));
    const fresh = await db.syncException.findMany({
      where: { storeId, ownerTeam: team, status: 'OPEN', type: { notIn: [...CRITICAL_EXCEPTION_TYPES] }, createdAt: { gt: since, lte: now } },
      include: { orderSync: { select: { bcOrderId: true } } },
      orderBy: { createdAt: 'asc' },
    });
    if (fresh.length === 0) continue;
    const open = await db.syncException.groupBy({ by: ['type'], where: { storeId, ownerTeam: team, status: 'OPEN' }, _count: { _all: true }, _min: { createdAt: true } });
    const freshByType = new Map<ExceptionType, number[]>();
    for (const row of fresh) freshByType.set(row.type, [...(freshByType.get(row.type) ?? []), row.orderSync?.bcOrderId ?? 0]);
    alerts.push({
      team,
      dedupeKey: `digest:${team}`,
      windowMs: ALERT_POLICY.digestWindowMs,
      urgency: 'DIGEST',
      subject: `${TEAM_NAMES[team]} digest: ${fresh.length} new exception${fresh.length === 1 ? '' : 's'}`,
      body: [
        `New since ${since.toISOString().slice(11, 16)} UTC:`,
        ...listed([...freshByType].map(([type, ids]) => `${RUNBOOK[type].title}: ${ids.length} (${ids.filter(Boolean).slice(0, 8).map((id) => `#${id}`).join(', ')}${ids.length > 8 ? ', …' : ''}) — /help#${type}`)),
        'Still open for this team:',
        ...open.map((row) => `${RUNBOOK[row.type].title}: ${row._count._all}, oldest ${duration(now.getTime() - (row._min.createdAt ?? now).getTime())}`),
      ].join('\n'),
    });
  }
  return alerts;
}

function listed(lines: string[]): string[] {
  const max = ALERT_POLICY.maxListedLines;
  return lines.length <= max ? lines : [...lines.slice(0, max), `… and ${lines.length - max} more`];
}

function errorOf(summary: unknown): string | null {
  if (summary && typeof summary === 'object' && 'error' in summary && typeof summary.error === 'string') return summary.error.slice(0, 200);
  return null;
}

/** "45 min", "3 h 10 min", "2 days". */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}
