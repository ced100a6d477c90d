import { ExceptionsPage } from '@/components/pages/ExceptionsPage';

export default function Page() {
  return <ExceptionsPage />;
}
