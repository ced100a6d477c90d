'use client';
import { PageHeader } from '../panel/PageHeader';
import { EmptyState } from '../panel/EmptyState';

export function OrdersPage() {
  return (
    <>
      <PageHeader title="Orders" description="Every order's journey from BigCommerce to Whistl and back, for answering “where is my order?”." />
      <EmptyState
        header="Order sync"
        heading="No orders synced yet"
        message="Orders appear here once export to Whistl is running: received, validated, sent, Whistl status and shipped, with any errors in full."
      />
    </>
  );
}
