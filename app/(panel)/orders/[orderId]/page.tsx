import { OrderDeepLinkPage } from '@/components/pages/OrderDeepLinkPage';

/** `/orders/{BigCommerce order id}`: where the "Whistl status" App Extension on BigCommerce's order page lands. */
export default async function Page({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return <OrderDeepLinkPage bcOrderId={orderId} />;
}
