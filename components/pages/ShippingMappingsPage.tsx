'use client';
import { PageHeader } from '../panel/PageHeader';
import { EmptyState } from '../panel/EmptyState';

export function ShippingMappingsPage() {
  return (
    <>
      <PageHeader title="Shipping mappings" description="Each checkout shipping method maps to exactly one Whistl courier service. Unmapped methods hold their orders." />
      <EmptyState
        header="Mappings"
        heading="No shipping methods mapped"
        message="Your store's shipping methods and Whistl's courier services are listed here once the Whistl connection works. No order is sent with a guessed service."
      />
    </>
  );
}
