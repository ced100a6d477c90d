import { InventoryPage } from '@/components/pages/InventoryPage';

export default function Page() {
  return <InventoryPage />;
}
