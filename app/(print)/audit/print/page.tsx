import { AuditPrintPage } from '@/components/pages/AuditPrintPage';

export default function Page() {
  return <AuditPrintPage />;
}
