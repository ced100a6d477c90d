export interface NavItem {
  id: string;
  title: string;
  href: string;
}

export const NAV_ITEMS: NavItem[] = [
  { id: 'dashboard', title: 'Dashboard', href: '/' },
  { id: 'exceptions', title: 'Exceptions', href: '/exceptions' },
  { id: 'orders', title: 'Orders', href: '/orders' },
  { id: 'shipping-mappings', title: 'Shipping mappings', href: '/shipping-mappings' },
  { id: 'sku-rules', title: 'SKU rules', href: '/sku-rules' },
  { id: 'inventory', title: 'Inventory', href: '/inventory' },
  { id: 'audit', title: 'Audit', href: '/audit' },
  { id: 'finance', title: 'Finance', href: '/finance' },
  { id: 'settings', title: 'Settings', href: '/settings' },
  { id: 'help', title: 'Help', href: '/help' },
];

export function activeNavItem(pathname: string): NavItem {
  const match = NAV_ITEMS.filter((item) => item.href !== '/' && pathname.startsWith(item.href))[0];
  return match ?? NAV_ITEMS[0]!;
}
