import { DashboardPage } from '@/components/pages/DashboardPage';

export default function Page() {
  return <DashboardPage />;
}
