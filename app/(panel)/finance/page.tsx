import { FinancePage } from '@/components/pages/FinancePage';

export default function Page() {
  return <FinancePage />;
}
