import { z } from 'zod';
import { BadRequestError } from '../../web/http';
import { parseLocalDate, type LocalDate } from '../../time/zoned-time';
import { daysBetween, MAX_RECONCILIATION_DAYS } from './reconcile';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').refine((t) => parseLocalDate(t) !== null, 'Not a calendar date');

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD (both optional: today) &report=mismatches|days (CSV only). */
export const reconciliationQuerySchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    date: day.optional(),
    report: z.enum(['mismatches', 'days']).optional(),
  })
  .strict();

export type ReconciliationQuery = z.infer<typeof reconciliationQuerySchema>;

/** The range a query asks for; a single `date`, or from/to, defaulting to `today`. */
export function rangeOf(query: ReconciliationQuery, today: LocalDate, timeZone: string): { from: LocalDate; to: LocalDate } {
  const one = query.date ? parseLocalDate(query.date) : null;
  const from = one ?? (query.from ? parseLocalDate(query.from) : null) ?? (query.to ? parseLocalDate(query.to) : null) ?? today;
  const to = one ?? (query.to ? parseLocalDate(query.to) : null) ?? from;
  try {
    daysBetween(from, to, timeZone);
  } catch (error) {
    throw new BadRequestError(error instanceof RangeError ? error.message : `At most ${MAX_RECONCILIATION_DAYS} days at a time`);
  }
  return { from, to };
}
