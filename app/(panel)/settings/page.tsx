import { SettingsPage } from '@/components/pages/SettingsPage';

export default function Page() {
  return <SettingsPage />;
}
