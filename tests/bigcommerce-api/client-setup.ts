import { createBigCommerceClient, StoreRateLimiter, type BigCommerceClient, type RateLimiterOptions, type RetryPolicy } from '@/lib/bigcommerce/api';
import { startFakeBigCommerce, type FakeBigCommerce, type FakeHandler } from './fake-server';
import { STORE_HASH } from './fixtures';

export interface TestRig {
  server: FakeBigCommerce;
  client: BigCommerceClient;
  limiter: StoreRateLimiter;
}

/** A fake server plus a client with its own limiter (so tests do not share a store budget). */
export async function startRig(
  handler: FakeHandler,
  options: { timeoutMs?: number; retry?: Partial<RetryPolicy>; limiter?: RateLimiterOptions } = {},
): Promise<TestRig> {
  const server = await startFakeBigCommerce(handler);
  const limiter = new StoreRateLimiter(options.limiter);
  const client = createBigCommerceClient({
    storeHash: STORE_HASH,
    accessToken: 'test-token',
    baseUrl: server.baseUrl,
    timeoutMs: options.timeoutMs,
    rateLimiter: limiter,
    retry: { baseDelayMs: 10, maxDelayMs: 50, ...options.retry },
  });
  return { server, client, limiter };
}
