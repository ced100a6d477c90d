import { z } from 'zod';
import { parseUkLocal } from '../uk-time';

/** A UK-local date-time without offset; null/absent/unparseable become null. */
export const ukDate = z
  .string()
  .nullish()
  .transform((text) => (text ? parseUkLocal(text) : null));

export const optionalText = z
  .string()
  .nullish()
  .transform((text) => (text === undefined || text === null || text === '' ? null : text));

export const optionalNumber = z
  .number()
  .nullish()
  .transform((n) => n ?? null);

export const flag = z
  .boolean()
  .nullish()
  .transform((b) => b ?? false);

/** `{ Success, Message }` as returned by cancel and ConnectActions. */
export const successResult = z
  .object({ Success: z.boolean(), Message: z.string().nullish() })
  .transform((r) => ({ success: r.Success, message: r.Message ?? '' }));

/** The ConnectActions reply is undocumented: `{ Success, Message }`, a bare boolean, or nothing. */
export const optionalSuccessResult = z
  .union([z.object({ Success: z.boolean(), Message: z.string().nullish() }), z.boolean(), z.null(), z.string()])
  .transform((r) => {
    if (r === null || typeof r === 'string') return null;
    if (typeof r === 'boolean') return { success: r, message: '' };
    return { success: r.Success, message: r.Message ?? '' };
  });

/** Reads a 400 body: a plain JSON string, `{"Message": ...}`, or raw text. */
export function badRequestDetail(rawBody: string): string {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    const asString = z.string().safeParse(parsed);
    if (asString.success) return asString.data;
    const asObject = z.object({ Message: z.string() }).safeParse(parsed);
    if (asObject.success) return asObject.data.Message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return rawBody.trim() === '' ? 'no detail given' : rawBody.trim();
}
