import { randomBytes } from 'node:crypto';
import type { SandboxClock } from './clock';
import type { ParsedAccountSeed } from './control-schemas';
import { SandboxInputError, SandboxNotFoundError } from './errors';
import {
  API_KEY_LIFETIME_MS,
  type IssuedKey,
  type SandboxAccount,
  type SandboxCourierService,
  type SandboxOrder,
  type SandboxProduct,
  type SandboxWarehouse,
} from './model';

export const DEFAULT_WAREHOUSES: readonly Omit<SandboxWarehouse, 'id'>[] = [{ name: 'Whistl Doncaster', code: 'DON' }];

export const DEFAULT_COURIER_SERVICES: readonly SandboxCourierService[] = [
  { id: 10, name: 'RM24', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{TrackingNumber}', active: true },
  { id: 11, name: 'RM48', trackingUrl: 'https://www.royalmail.com/track-your-item#/tracking-results/{TrackingNumber}', active: true },
  { id: 12, name: 'EXP', trackingUrl: 'https://track.whistl.example/express/{TrackingNumber}', active: true },
  { id: 13, name: 'DPDNEXT', trackingUrl: 'https://track.dpd.co.uk/parcels/{TrackingNumber}', active: true },
];

export interface AccountCreated {
  accountId: string;
  apiKeys: string[];
  warehouses: SandboxWarehouse[];
  courierServices: SandboxCourierService[];
  products: { id: number; sku: string }[];
}

/** All accounts, keys and id counters of one simulator instance. */
export class SandboxState {
  readonly accounts = new Map<string, SandboxAccount>();
  readonly keys = new Map<string, IssuedKey>();
  private nextAccount = 1;
  private nextOrder = 1001;
  private nextLine = 50_001;
  private nextProduct = 101;
  private nextService = 100;

  constructor(readonly clock: SandboxClock) {}

  orderId(): number {
    return this.nextOrder++;
  }

  lineId(): number {
    return this.nextLine++;
  }

  account(accountId: string): SandboxAccount {
    const account = this.accounts.get(accountId);
    if (!account) throw new SandboxNotFoundError(`No sandbox account '${accountId}'`);
    return account;
  }

  order(orderId: number): { account: SandboxAccount; order: SandboxOrder } {
    for (const account of this.accounts.values()) {
      const order = account.orders.get(orderId);
      if (order) return { account, order };
    }
    throw new SandboxNotFoundError(`No sandbox order ${orderId}`);
  }

  /** The account a key belongs to, or undefined when unknown or expired. */
  accountForKey(key: string): SandboxAccount | undefined {
    const issued = this.keys.get(key);
    if (!issued) return undefined;
    if (issued.expiresAt !== null && issued.expiresAt <= this.clock.now()) return undefined;
    return this.accounts.get(issued.accountId);
  }

  /** `POST /api/Auth`: a key valid for 24 h of sandbox time, or undefined when the login is wrong. */
  logIn(username: string, password: string): string | undefined {
    for (const account of this.accounts.values()) {
      if (account.users.some((u) => u.username === username && u.password === password)) {
        const key = randomBytes(16).toString('hex');
        this.keys.set(key, { accountId: account.id, expiresAt: this.clock.now() + API_KEY_LIFETIME_MS });
        return key;
      }
    }
    return undefined;
  }

  setUser(accountId: string, username: string, password: string): void {
    const account = this.account(accountId);
    for (const other of this.accounts.values()) {
      if (other !== account && other.users.some((u) => u.username === username)) {
        throw new SandboxInputError(`Username '${username}' belongs to another account`);
      }
    }
    const existing = account.users.find((u) => u.username === username);
    if (existing) existing.password = password;
    else account.users.push({ username, password });
  }

  createAccount(seed: ParsedAccountSeed): AccountCreated {
    const now = this.clock.now();
    const id = `acc_${this.nextAccount++}`;
    const warehouses = buildWarehouses(seed);
    const courierServices = this.buildServices(seed);
    const account: SandboxAccount = {
      id,
      name: seed.name ?? `Sandbox account ${id}`,
      users: [],
      warehouses,
      courierServices,
      products: new Map(),
      orders: new Map(),
    };
    const firstWarehouse = warehouses[0];
    const skus = new Set<string>();
    for (const input of seed.products) {
      if (skus.has(input.sku)) throw new SandboxInputError(`Duplicate SKU '${input.sku}' in products`);
      skus.add(input.sku);
      const product: SandboxProduct = {
        id: this.nextProduct++,
        sku: input.sku,
        name: input.name ?? input.sku,
        ean: input.ean ?? null,
        bundle: input.bundle ?? false,
        preOrderable: input.preOrderable ?? false,
        lowStockLevel: input.lowStockLevel ?? null,
        altCodes: input.altCodes ?? [],
        lastUpdated: now,
        stock: new Map(),
      };
      if (input.stock !== undefined && firstWarehouse) {
        product.stock.set(firstWarehouse.id, { onHand: input.stock, allocated: 0, lastUpdated: now });
      }
      for (const [warehouseId, onHand] of Object.entries(input.stockByWarehouse ?? {})) {
        const wid = Number(warehouseId);
        if (!warehouses.some((w) => w.id === wid)) {
          throw new SandboxInputError(`Product '${input.sku}': no warehouse ${wid} in this account`);
        }
        product.stock.set(wid, { onHand, allocated: 0, lastUpdated: now });
      }
      account.products.set(product.id, product);
    }
    // Validate everything before touching shared maps, so a 400 leaves no half-made account.
    for (const user of seed.users) {
      for (const other of this.accounts.values()) {
        if (other.users.some((u) => u.username === user.username)) {
          throw new SandboxInputError(`Username '${user.username}' belongs to another account`);
        }
      }
    }
    for (const key of seed.apiKeys) {
      if (this.keys.has(key)) throw new SandboxInputError('That API key is already in use');
    }
    account.users.push(...seed.users.map((u) => ({ ...u })));
    const apiKeys = seed.apiKeys.length > 0 ? seed.apiKeys : [randomBytes(16).toString('hex')];
    for (const key of apiKeys) this.keys.set(key, { accountId: id, expiresAt: null });
    this.accounts.set(id, account);
    return {
      accountId: id,
      apiKeys,
      warehouses,
      courierServices,
      products: [...account.products.values()].map((p) => ({ id: p.id, sku: p.sku })),
    };
  }

  private buildServices(seed: ParsedAccountSeed): SandboxCourierService[] {
    if (!seed.courierServices) return DEFAULT_COURIER_SERVICES.map((s) => ({ ...s }));
    const services = seed.courierServices.map((s) => ({
      id: s.id ?? this.nextService++,
      name: s.name,
      trackingUrl: s.trackingUrl ?? 'https://track.whistl.example/{TrackingNumber}',
      active: s.active ?? true,
    }));
    assertUnique(services.map((s) => s.id), 'courier service id');
    assertUnique(services.map((s) => s.name.toUpperCase()), 'courier service name');
    return services;
  }
}

function buildWarehouses(seed: ParsedAccountSeed): SandboxWarehouse[] {
  const inputs = seed.warehouses ?? DEFAULT_WAREHOUSES;
  let next = 1;
  const warehouses = inputs.map((w) => {
    const id = 'id' in w && w.id !== undefined ? w.id : next;
    next = Math.max(next, id) + 1;
    return { id, name: w.name, code: w.code ?? w.name.slice(0, 3).toUpperCase() };
  });
  assertUnique(warehouses.map((w) => w.id), 'warehouse id');
  return warehouses;
}

function assertUnique(values: (string | number)[], what: string): void {
  const seen = new Set<string | number>();
  for (const value of values) {
    if (seen.has(value)) throw new SandboxInputError(`Duplicate ${what} '${value}'`);
    seen.add(value);
  }
}
