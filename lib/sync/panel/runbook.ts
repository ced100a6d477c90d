import type { ExceptionType } from '../../generated/prisma/enums';
import { RUNBOOK } from '../rules';

/** What an exception means, how to fix it, and the panel page where the fix is made. */
export interface RunbookView {
  title: string;
  meaning: string;
  fix: string;
  fixHref: string;
  fixLabel: string;
}

const PAGE_LABELS: Record<string, string> = {
  '/shipping-mappings': 'Open shipping mappings',
  '/sku-rules': 'Open SKU rules',
  '/settings': 'Open settings',
  '/inventory': 'Open inventory',
  '/orders': 'Open the order',
};

export function runbookFor(type: ExceptionType, bcOrderId?: number): RunbookView {
  const entry = RUNBOOK[type];
  // Fixes made on the order itself (or "here, in the queue") link to the order's timeline.
  if ((entry.fixPage === '/orders' || entry.fixPage === '/exceptions') && bcOrderId !== undefined) {
    return { title: entry.title, meaning: entry.meaning, fix: entry.fix, fixHref: `/orders?q=${bcOrderId}`, fixLabel: 'Open the order' };
  }
  return {
    title: entry.title,
    meaning: entry.meaning,
    fix: entry.fix,
    fixHref: entry.fixPage,
    fixLabel: PAGE_LABELS[entry.fixPage] ?? 'Open',
  };
}
