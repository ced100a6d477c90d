import type { ExceptionType, OwnerTeam } from '../types';
import { DEFAULT_EXCEPTION_OWNERS } from './owners';
import { helpHref, RUNBOOK } from './runbook';

/**
 * The operations guide: the Help page and docs/operations-guide.md are both built from this and
 * RUNBOOK, so they cannot drift apart (tests/unit/alerts-operations-guide.test.ts checks the file).
 * Plain data and string building only: safe in the browser.
 */

/** Every exception type, in the order people meet them: before export, at Whistl, after despatch. */
export const GUIDE_ORDER: readonly ExceptionType[] = [
  'UNMAPPED_SHIPPING',
  'INVALID_SKU',
  'MISSING_SKU',
  'INVALID_ADDRESS',
  'WHISTL_REJECTED',
  'EXPORT_FAILED',
  'CANCEL_FAILED',
  'WHISTL_STUCK',
  'STATUS_DRIFT',
  'WRITEBACK_FAILED',
  'STOCK_PUSH_FAILED',
];

export const TEAM_NAMES: Record<OwnerTeam, string> = { OPS: 'Ops', CX: 'Customer service', MERCHANDISING: 'Merchandising', FINANCE: 'Finance' };

export interface GuideSection {
  id: string;
  title: string;
  paragraphs: string[];
}

/** What each team does with the connector day to day. */
export const TEAM_GUIDES: GuideSection[] = [
  {
    id: 'for-ops',
    title: 'For ops',
    paragraphs: [
      'Start the day on the Dashboard: orders waiting to go to Whistl, open exceptions by type and owner with the age of the oldest, and the countdown to the last collection with the orders at risk of missing it.',
      'Work the Exceptions queue oldest first. Each exception says what is wrong, how to fix it and links to the page where the fix is made; fixing a mapping or SKU rule sends every order it was holding, other fixes need “Retry”.',
      'You receive the immediate alerts (export failures, write-back failures, a sync that stopped, orders at risk before the cutoff) and the hourly digest of everything else.',
    ],
  },
  {
    id: 'for-cx',
    title: 'For customer service',
    paragraphs: [
      'Search Orders by order number, customer name or email to answer “where is my parcel?”: the timeline shows when the order reached Whistl, its warehouse status, and the tracking number once despatched.',
      'You own address problems and the disagreements between BigCommerce and Whistl (status drift). Correct the address on the order in BigCommerce; ops or an admin then retries it.',
      'You can read mappings and SKU rules but not change them: ask ops when a fix needs one.',
    ],
  },
  {
    id: 'for-finance',
    title: 'For finance',
    paragraphs: [
      'The Finance page compares, per day, BigCommerce orders and revenue in exported statuses with the orders Whistl created and despatched, lists every mismatch by kind, and exports it as CSV.',
      'Cancelled-but-despatched orders (status drift) and cancels that could not be stopped at Whistl are the ones that cost money: each is noted on the exception with what was agreed, so refunds and recalls can be matched.',
    ],
  },
];

/** How alerts work, for whoever sets them up. */
export const ALERTS_GUIDE: GuideSection = {
  id: 'alerts',
  title: 'Alerts',
  paragraphs: [
    'An admin sets, under Settings > Alerts, a Slack-compatible webhook URL and/or an email address per team (email needs the store’s SMTP server). A team without a channel has its alerts sent to the ops channels.',
    'Sent at once: an order that could not be sent to Whistl, a despatch that could not be written back, a cancel Whistl could not stop, a sync that has had no good run for 15 minutes, and orders at risk two hours and thirty minutes before the last collection. Everything else arrives in one hourly digest per team.',
    'The same alert is not repeated: a failed export alerts once a day at most while it stays open, a stopped sync every two hours. Every delivery is listed under Settings > Alerts; a failed one shows the reason (wrong URL, SMTP refused) and is retried after ten minutes. “Send test alert” checks a channel end to end.',
  ],
};

export const GENERAL_TOPICS: GuideSection[] = [
  {
    id: 'getting-connected',
    title: 'Getting connected',
    paragraphs: [
      'In Settings, enter the Whistl API base URL your account manager gave you (usually https://api.mintsoft.co.uk), then either your Whistl username and password or an API key, and the warehouse your orders ship from. “Test connection” logs in and lists the account’s warehouses, or tells you exactly what failed.',
    ],
  },
  {
    id: 'roles',
    title: 'Who can do what',
    paragraphs: [
      'The store owner is an admin. Admins change settings, alert channels and roles and read the audit log; ops edit mappings and SKU rules and retry exports; customer service reads order status; finance reads reconciliation. New users start as customer service until an admin changes them.',
      'Every change to settings, mappings, SKU rules, alert channels and roles is recorded in the audit log (Settings > Audit log) with who made it and the value before and after.',
    ],
  },
  {
    id: 'your-data',
    title: 'Your data',
    paragraphs: ['Access tokens, Whistl credentials, webhook URLs and the SMTP password are encrypted. Uninstalling the app from BigCommerce removes the store’s data from the connector.'],
  },
];

/** The printable guide as Markdown, with each exception's default owner (the Help page shows the store's own). */
export function renderOperationsGuide(owners: Record<ExceptionType, OwnerTeam> = DEFAULT_EXCEPTION_OWNERS): string {
  const lines: string[] = [
    '# Whistl connector: operations guide',
    '',
    '<!-- Generated by `npx tsx scripts/write-operations-guide.ts` from lib/sync/rules/runbook.ts and lib/sync/rules/operations-guide.ts. Edit those, not this file. -->',
    '',
    'For the people who keep orders moving: ops, customer service and finance. The same text is on the app’s Help page, where each exception in the queue links to its entry.',
    '',
    '## Exceptions at a glance',
    '',
    '| Exception | Owner (default) | Fix on |',
    '| --- | --- | --- |',
    ...GUIDE_ORDER.map((type) => `| [${RUNBOOK[type].title}](#${type.toLowerCase()}) | ${TEAM_NAMES[owners[type]]} | ${RUNBOOK[type].fixPage} |`),
    '',
  ];
  for (const section of TEAM_GUIDES) lines.push(`## ${section.title}`, '', ...section.paragraphs.flatMap((p) => [p, '']));
  lines.push('## Exceptions', '', 'Owners can be changed per store under Settings > Order export; the Help page shows the store’s choice.', '');
  for (const type of GUIDE_ORDER) {
    const entry = RUNBOOK[type];
    lines.push(
      `### ${type}`,
      '',
      `**${entry.title}** · owner: ${TEAM_NAMES[owners[type]]} · in the app: Help (${helpHref(type)})`,
      '',
      `- **What it means:** ${entry.meaning}`,
      `- **How to fix it:** ${entry.fix} (page: ${entry.fixPage})`,
      `- **How to check the fix:** ${entry.verify}`,
      '',
    );
  }
  for (const section of [ALERTS_GUIDE, ...GENERAL_TOPICS]) lines.push(`## ${section.title}`, '', ...section.paragraphs.flatMap((p) => [p, '']));
  return `${lines.join('\n').trimEnd()}\n`;
}
