import { createWhistlClient, type WhistlAdapter, type WhistlClientOptions, type WhistlOrderInput } from '@/lib/whistl';
import { startWhistlSandbox, type AccountCreated, type AccountSeed, type WhistlSandbox, type WhistlSandboxOptions } from '@/sandbox/whistl';

export const PASSWORD = 'correct horse battery staple';

export const PRODUCTS: NonNullable<AccountSeed['products']> = [
  { sku: 'TSHIRTBLK', name: 'T-shirt black', stock: 50, ean: '5012345678900' },
  { sku: 'MUG01', name: 'Mug', stock: 10, altCodes: ['MUGOLD'] },
  { sku: 'POSTER', name: 'Poster', stock: 3 },
];

export interface Harness {
  sandbox: WhistlSandbox;
  account: AccountCreated;
  username: string;
  password: string;
  /** Uses the account's static API key. */
  client: WhistlAdapter;
  makeClient(options?: Partial<WhistlClientOptions>): WhistlAdapter;
}

let accounts = 0;

/** A fresh simulator on port 0 with one account; short timeouts and fast retries keep tests quick. */
export async function startHarness(options: WhistlSandboxOptions = {}, seed: Partial<AccountSeed> = {}): Promise<Harness> {
  const sandbox = await startWhistlSandbox(options);
  accounts += 1;
  const username = `ops-${process.pid}-${accounts}@merchant.test`;
  const account = sandbox.createAccount({
    name: 'Merchant',
    users: [{ username, password: PASSWORD }],
    products: PRODUCTS,
    ...seed,
  });
  const makeClient = (overrides: Partial<WhistlClientOptions> = {}): WhistlAdapter =>
    createWhistlClient({
      baseUrl: sandbox.url,
      apiKey: account.apiKeys[0],
      timeoutMs: 2_000,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      ...overrides,
    });
  return { sandbox, account, username, password: PASSWORD, client: makeClient(), makeClient };
}

let orderSeq = 0;

export function orderInput(overrides: Partial<WhistlOrderInput> = {}): WhistlOrderInput {
  orderSeq += 1;
  const number = `BC${process.pid}${orderSeq}`;
  return {
    orderNumber: number,
    externalOrderReference: `store-abc:${number}`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    address1: '10 Downing Street',
    town: 'London',
    postCode: 'SW1A 2AA',
    country: 'GB',
    email: 'ada@example.com',
    courierService: 'RM48',
    warehouseId: 1,
    items: [{ sku: 'TSHIRTBLK', quantity: 2, unitPrice: 12.5 }],
    ...overrides,
  };
}

export function createdId(outcome: Awaited<ReturnType<WhistlAdapter['createOrder']>>): number {
  if (outcome.kind !== 'created') throw new Error(`expected a created order, got ${JSON.stringify(outcome)}`);
  return outcome.orderId;
}
