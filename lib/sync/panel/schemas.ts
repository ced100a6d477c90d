import { z } from 'zod';
import { ExceptionStatus, ExceptionType, OrderSyncState, OwnerTeam, SkuPolicy } from '../../generated/prisma/enums';

/** Request shapes of the panel's JSON API (shared by the routes and the tests). */
export const exceptionFiltersSchema = z
  .object({
    status: z.enum(ExceptionStatus).optional(),
    type: z.enum(ExceptionType).optional(),
    owner: z.enum(OwnerTeam).optional(),
    olderThanHours: z.coerce.number().int().min(1).max(24 * 365).optional(),
  })
  .strict();

export const retryExceptionsSchema = z.object({ exceptionIds: z.array(z.uuid()).min(1).max(500) }).strict();

export const ignoreExceptionSchema = z
  .object({ note: z.string().trim().min(1, 'A note is required: say why this needs no fix').max(1000) })
  .strict();

const courierService = z.string().trim().min(1).max(100);

export const saveMappingSchema = z.object({ courierService: courierService.nullable() }).strict();

export const saveDefaultServiceSchema = z.object({ courierService: courierService.nullable() }).strict();

const skuText = z.string().trim().min(1).max(100);

export const skuRulesSchema = z
  .object({
    policy: z.enum(SkuPolicy),
    uppercase: z.boolean(),
    stripChars: z.string().max(50),
    prefix: z.string().max(20).regex(/^\S*$/, 'The prefix cannot contain spaces'),
    suffix: z.string().max(20).regex(/^\S*$/, 'The suffix cannot contain spaces'),
    aliases: z.array(z.object({ bcSku: skuText, whistlSku: skuText }).strict()).max(5000),
  })
  .strict();

export const previewSkuSchema = z.object({ sku: z.string().max(200), rules: skuRulesSchema.optional() }).strict();

export const orderSearchSchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    state: z.enum(OrderSyncState).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
