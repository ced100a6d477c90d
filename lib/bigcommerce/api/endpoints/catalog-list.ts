/**
 * The whole V3 catalog, page by page: every product with its variants (for the SKU scan).
 * Wire it into the client next to `catalog` as `catalogList: createCatalogListApi(transport)`.
 */
import type { Transport } from '../http';
import { getV3Page } from '../paging';
import type { CatalogProduct } from '../types';
import { catalogProductSchema } from '../wire/catalog';
import type { CallOptions } from './call-options';

export const CATALOG_PAGE_SIZE = 250;

export interface CatalogPage {
  products: CatalogProduct[];
  /** Products in the whole catalog, as the first page reports it (null if BigCommerce omits it). */
  total: number | null;
  page: number;
  lastPage: boolean;
}

export function createCatalogListApi(transport: Transport) {
  return {
    /** Every product with `include=variants`, one page at a time, so callers can report progress. */
    async *iterateProductPages(options: CallOptions & { pageSize?: number } = {}): AsyncGenerator<CatalogPage> {
      const limit = options.pageSize ?? CATALOG_PAGE_SIZE;
      for (let page = 1; ; page += 1) {
        const result = await getV3Page(
          transport,
          { path: '/v3/catalog/products', query: { include: 'variants', page, limit }, priority: options.priority ?? 'low' },
          catalogProductSchema,
        );
        const pagination = result.pagination;
        const lastPage = !pagination || result.data.length === 0 || pagination.currentPage >= pagination.totalPages;
        yield { products: result.data, total: pagination?.total ?? null, page, lastPage };
        if (lastPage) return;
      }
    },
  };
}

export type CatalogListApi = ReturnType<typeof createCatalogListApi>;
