import { OrdersPage } from '@/components/pages/OrdersPage';

export default function Page() {
  return <OrdersPage />;
}
