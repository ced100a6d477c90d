import { HelpPage } from '@/components/pages/HelpPage';

export default function Page() {
  return <HelpPage />;
}
