/** Wire building blocks shared by several BigCommerce resources. */
import { z } from 'zod';
import { parseRfc2822 } from '../dates';

/** A required V2 RFC-2822 date. */
export const rfc2822Date = z.string().transform((text, ctx) => {
  const date = parseRfc2822(text);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `not an RFC-2822 date: ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return date;
});

/** A V2 date that is `""` (or absent/null) while unset, e.g. `date_shipped`. */
export const optionalRfc2822Date = z
  .union([z.literal(''), z.null(), z.undefined(), rfc2822Date])
  .transform((value) => (value instanceof Date ? value : null));

/** Money is kept as the decimal string BigCommerce sends (`"12.3000"`), never a float. */
export const money = z.union([z.string(), z.number()]).transform((value) => String(value));

/** Text fields BigCommerce sometimes sends as null. */
export const text = z
  .string()
  .nullish()
  .transform((value) => value ?? '');

export const v3PaginationSchema = z
  .object({
    total: z.number().int(),
    count: z.number().int(),
    per_page: z.number().int(),
    current_page: z.number().int(),
    total_pages: z.number().int(),
  })
  .transform((p) => ({ total: p.total, count: p.count, perPage: p.per_page, currentPage: p.current_page, totalPages: p.total_pages }));

export type V3Pagination = z.output<typeof v3PaginationSchema>;

/** A V3 collection: `{data: [...], meta: {pagination}}`. */
export function v3CollectionSchema<T extends z.ZodType>(item: T) {
  return z
    .object({ data: z.array(item), meta: z.object({ pagination: v3PaginationSchema.optional() }).optional() })
    .transform((body) => ({ data: body.data, pagination: body.meta?.pagination }));
}
