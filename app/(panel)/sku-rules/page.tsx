import { SkuRulesPage } from '@/components/pages/SkuRulesPage';

export default function Page() {
  return <SkuRulesPage />;
}
