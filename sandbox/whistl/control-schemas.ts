import { z } from 'zod';
import { SandboxInputError } from './errors';

const positiveId = z.number().int().positive();
const count = z.number().int().nonnegative();

export const accountSeedSchema = z
  .object({
    name: z.string().min(1).optional(),
    users: z.array(z.object({ username: z.string().min(1), password: z.string().min(1) }).strict()).default([]),
    /** Static keys that never expire. One is generated when none is given. */
    apiKeys: z.array(z.string().min(8, 'API keys must be at least 8 characters')).default([]),
    warehouses: z
      .array(z.object({ id: positiveId.optional(), name: z.string().min(1), code: z.string().min(1).optional() }).strict())
      .min(1)
      .optional(),
    courierServices: z
      .array(
        z
          .object({
            id: positiveId.optional(),
            name: z.string().min(1),
            trackingUrl: z.url().optional(),
            active: z.boolean().optional(),
          })
          .strict(),
      )
      .optional(),
    products: z
      .array(
        z
          .object({
            sku: z.string().min(1),
            name: z.string().optional(),
            ean: z.string().optional(),
            bundle: z.boolean().optional(),
            preOrderable: z.boolean().optional(),
            altCodes: z.array(z.string().min(1)).optional(),
            lowStockLevel: count.optional(),
            /** On hand in the first warehouse. */
            stock: count.optional(),
            /** On hand per warehouse id. */
            stockByWarehouse: z.record(z.string().regex(/^\d+$/, 'warehouse ids are numbers'), count).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type AccountSeed = z.input<typeof accountSeedSchema>;
export type ParsedAccountSeed = z.output<typeof accountSeedSchema>;

export const stockLevelsSchema = z.array(
  z.object({ sku: z.string().min(1), warehouseId: positiveId.optional(), onHand: count }).strict(),
).min(1);
export type StockLevelInput = z.input<typeof stockLevelsSchema>[number];

export const userSchema = z.object({ username: z.string().min(1), password: z.string().min(1) }).strict();

export const statusIdSchema = z.number().int().min(1).max(23);

export const splitSchema = z
  .object({
    parts: z.union([
      z.number().int().min(2).max(20),
      z
        .array(
          z
            .object({
              items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() }).strict()).min(1),
            })
            .strict(),
        )
        .min(2),
    ]),
    /** Which parts (1-based) to despatch now; default all. The rest wait for an advance call. */
    despatchParts: z.array(z.number().int().positive()).optional(),
  })
  .strict();
export type SplitInput = z.input<typeof splitSchema>;

const routeKey = z.string().regex(/^(GET|PUT|POST|DELETE) \/api\//, 'route is like "PUT /api/Order"');

export const faultsSchema = z
  .object({
    /** Added to every /api call, real milliseconds. */
    latencyMs: count.max(120_000).optional(),
    /** Probability (0..1) that an /api call fails with `errorStatus` before it is handled. */
    errorRate: z.number().min(0).max(1).optional(),
    errorStatus: z.number().int().min(500).max(599).optional(),
    /** The next `count` matching calls fail with `status` (default 503) before they are handled. */
    failNext: z
      .object({ count: count, status: z.number().int().min(400).max(599).optional(), route: routeKey.optional() })
      .strict()
      .optional(),
    /** A 429 storm: the next `count` calls, or all calls for `durationMs` of sandbox time. */
    throttle: z
      .object({
        count: count.optional(),
        durationMs: count.optional(),
        retryAfterSeconds: count.max(3600).optional(),
        route: routeKey.optional(),
      })
      .strict()
      .refine((t) => t.count !== undefined || t.durationMs !== undefined, 'throttle needs count or durationMs')
      .optional(),
    /** The next `count` creates are committed, then the response is lost. */
    timeoutAfterCommit: z
      .object({
        count: count,
        /** 'destroy' resets the connection; 'delay' answers after `delayMs` (default 60 s). */
        mode: z.enum(['destroy', 'delay']).default('delay'),
        delayMs: count.max(600_000).optional(),
      })
      .strict()
      .optional(),
    /** The next `count` authenticated calls get 401 whatever the key. */
    unauthorized: z.object({ count: count }).strict().optional(),
    /** Webhooks that are recorded as dropped instead of sent. */
    dropWebhooks: z
      .object({ count: count.optional(), rate: z.number().min(0).max(1).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type FaultsInput = z.input<typeof faultsSchema>;

export const autoAdvanceSchema = z.object({ enabled: z.boolean(), stepMs: z.number().int().positive() }).strict();
export type AutoAdvance = z.output<typeof autoAdvanceSchema>;

export const clockAdvanceSchema = z.object({ ms: count }).strict();

/** Parses control input or throws SandboxInputError with a readable message. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const detail = result.error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  throw new SandboxInputError(`Invalid ${what}: ${detail}`);
}
