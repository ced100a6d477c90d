'use client';
import { PageHeader } from '../panel/PageHeader';
import { EmptyState } from '../panel/EmptyState';

export function ExceptionsPage() {
  return (
    <>
      <PageHeader title="Exceptions" description="Orders and stock that could not flow, each with an owner and a fix." />
      <EmptyState
        header="Exception queue"
        heading="No exceptions"
        message="Nothing is waiting for you. When an order cannot go to Whistl (an unmapped shipping method, a SKU the warehouse rejects, an address Whistl refuses) it will be listed here with every reason and how to fix it."
      />
    </>
  );
}
