import type { OwnerTeam } from '../../generated/prisma/enums';

/** How soon an alert must reach people: at once, folded into the team's hourly digest, or a test. */
export type AlertUrgency = 'IMMEDIATE' | 'DIGEST' | 'TEST';

/** One alert the monitor decided is due for one team. */
export interface DueAlert {
  team: OwnerTeam;
  /** The same key on the same channel within `windowMs` is the same alert: not sent again. */
  dedupeKey: string;
  windowMs: number;
  urgency: AlertUrgency;
  subject: string;
  body: string;
}

/** A plain-text message as it goes out, by Slack webhook or email. */
export interface AlertMessage {
  subject: string;
  text: string;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** Alert policy, in one place. */
export const ALERT_POLICY = {
  /** A failed delivery is not attempted again on the same channel for this long. */
  failedRetryMs: 10 * MINUTE_MS,
  /** A critical exception alerts once a day at most while it stays open. */
  exceptionWindowMs: 24 * HOUR_MS,
  /** Critical exceptions touched longer ago than this are not alerted (no flood from old backlog). */
  exceptionLookbackMs: 24 * HOUR_MS,
  /** A stopped sync job is reported again every so often while it stays stopped. */
  syncStoppedWindowMs: 2 * HOUR_MS,
  /** A sync job with no good run for this long counts as stopped. */
  syncStoppedAfterMs: 15 * MINUTE_MS,
  /** First cutoff warning this long before the collection, final call at `cutoffFinalMs`. */
  cutoffWarningMs: 2 * HOUR_MS,
  cutoffFinalMs: 30 * MINUTE_MS,
  /** Digest: at most one per team an hour, with what was opened since the last one. */
  digestWindowMs: HOUR_MS,
  digestLookbackMs: 24 * HOUR_MS,
  /** Lines listed in one message before "and N more". */
  maxListedLines: 15,
  sendTimeoutMs: 10_000,
} as const;

/** The sync jobs whose silence is an incident. */
export const WATCHED_JOBS = ['orders', 'fulfilment', 'inventory'] as const;
