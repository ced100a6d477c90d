'use client';
import { PageHeader } from '../panel/PageHeader';
import { EmptyState } from '../panel/EmptyState';

export function SkuRulesPage() {
  return (
    <>
      <PageHeader title="SKU rules" description="How BigCommerce SKUs become Whistl SKUs, and which ones the warehouse would reject." />
      <EmptyState
        header="SKU policy"
        heading="Default policy: letters and digits only"
        message="Whistl's warehouse takes strictly alphanumeric SKUs. Transform rules, aliases and a catalog scan of the SKUs that would be rejected will be managed here."
      />
    </>
  );
}
