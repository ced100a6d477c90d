'use client';
import { PageHeader } from '../panel/PageHeader';
import { EmptyState } from '../panel/EmptyState';

export function InventoryPage() {
  return (
    <>
      <PageHeader title="Inventory" description="Whistl's free stock pushed to your storefront, minus a safety buffer, so you do not oversell." />
      <EmptyState
        header="Stock sync"
        heading="Stock sync is not running"
        message="No stock has been read from Whistl or written to your store. Once running, each SKU's last pushed level, buffer and sync lag are shown here."
      />
    </>
  );
}
