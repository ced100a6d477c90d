import { AuditPage } from '@/components/pages/AuditPage';

export default function Page() {
  return <AuditPage />;
}
