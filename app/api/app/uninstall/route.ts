import { handleUninstallCallback } from '@/lib/web/app-callbacks';

export const dynamic = 'force-dynamic';

export const GET = handleUninstallCallback;
