'use client';
import { Message, ProgressCircle } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useApi } from '@/lib/client/api';
import { PanelLink } from '../exceptions/PanelLink';
import { OrderTimeline } from '../orders/OrderTimeline';
import { PageHeader } from '../panel/PageHeader';

/**
 * One order's timeline by its BigCommerce order id, looked up among the signed-in store's orders
 * only: an id that is not this store's order is "not found", never another store's data.
 */
export function OrderDeepLinkPage({ bcOrderId }: { bcOrderId: string }) {
  const router = useRouter();
  const { data, error } = useApi<{ id: string; bcOrderId: number }>(`/api/orders/by-bc-id/${encodeURIComponent(bcOrderId)}`, { shouldRetryOnError: false });
  const label = /^\d+$/.test(bcOrderId) ? `#${bcOrderId}` : bcOrderId;
  return (
    <>
      <PageHeader title={`Order ${label}`} description="Where this BigCommerce order is on its way to Whistl: received, checked, sent, Whistl status and shipped." />
      {error ? (
        <Message
          type={error.status === 404 ? 'warning' : 'error'}
          header={error.status === 404 ? 'Order not found' : 'The order could not be loaded'}
          messages={[
            {
              text:
                error.status === 404
                  ? `${error.message}. The app lists an order once BigCommerce has told it about the order; new orders can take a minute.`
                  : error.message,
            },
          ]}
          marginBottom="medium"
        />
      ) : null}
      {!data && !error ? <ProgressCircle /> : null}
      {data ? <OrderTimeline orderSyncId={data.id} onClose={() => router.push(`/orders?q=${data.bcOrderId}`)} /> : null}
      <PanelLink href="/orders">← All orders</PanelLink>
    </>
  );
}
