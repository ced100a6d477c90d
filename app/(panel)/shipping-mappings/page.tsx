import { ShippingMappingsPage } from '@/components/pages/ShippingMappingsPage';

export default function Page() {
  return <ShippingMappingsPage />;
}
