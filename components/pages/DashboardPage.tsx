'use client';
import { Badge, Box, Button, Flex, Grid, H3, Panel, Small, Text } from '@bigcommerce/big-design';
import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { useApi, useMe } from '@/lib/client/api';
import type { ExceptionType, OrderSyncState, OwnerTeam } from '@/lib/generated/prisma/enums';
import { EXCEPTION_TYPE_LABELS, OWNER_LABELS } from '../exceptions/labels';
import { PageHeader } from '../panel/PageHeader';

interface DashboardSummary {
  orders: Partial<Record<OrderSyncState, number>>;
  exportedToday: number;
  openExceptions: Array<{ type: ExceptionType; ownerTeam: OwnerTeam; count: number; oldestAt: string }>;
  lastOrdersRun: { at: string; ok: boolean } | null;
}

export function DashboardPage() {
  const { data: me } = useMe();
  const { data } = useApi<DashboardSummary>('/api/dashboard', { refreshInterval: 5000 });
  const router = useRouter();
  const whistl = me?.setup.whistl;
  const waiting = (data?.orders.PENDING ?? 0) + (data?.orders.EXPORTING ?? 0);
  const held = data?.orders.HELD ?? 0;
  const failed = data?.orders.FAILED ?? 0;
  return (
    <>
      <PageHeader title="Dashboard" description="Handover health between your store and the Whistl warehouse." />
      {whistl && !(whistl.configured && whistl.lastTestOk) ? (
        <Panel header="Setup">
          <Flex justifyContent="space-between" alignItems="center" flexGap="1rem">
            <Text marginBottom="none">
              {!whistl.configured
                ? 'Whistl is not connected: no order can be sent until you enter your Whistl API details.'
                : whistl.lastTestOk === false
                  ? 'The last Whistl connection test failed: orders wait until it works.'
                  : 'The Whistl connection is saved but not tested yet.'}
            </Text>
            <Button variant="secondary" onClick={() => router.push('/settings')}>
              Open Settings
            </Button>
          </Flex>
        </Panel>
      ) : null}
      <Grid gridColumns="repeat(4, 1fr)" gridGap="1rem" marginBottom="medium">
        <Figure label="Sent to Whistl today" value={data?.exportedToday} href="/orders?state=EXPORTED" />
        <Figure label="Waiting to be sent" value={data ? waiting : undefined} href="/orders?state=PENDING" />
        <Figure label="Held by an exception" value={data ? held : undefined} href="/exceptions" tone={held ? 'warning' : undefined} />
        <Figure label="Failed after retries" value={data ? failed : undefined} href="/exceptions?type=EXPORT_FAILED" tone={failed ? 'danger' : undefined} />
      </Grid>
      <Panel header="Open exceptions" description="Each needs its owner before the day's last collection.">
        {data && data.openExceptions.length === 0 ? <Text>Nothing is waiting for anyone.</Text> : null}
        {data?.openExceptions.map((row) => (
          <Flex key={`${row.type}-${row.ownerTeam}`} justifyContent="space-between" alignItems="center" paddingVertical="xSmall">
            <NextLink href={`/exceptions?type=${row.type}`}>
              {row.count} × {EXCEPTION_TYPE_LABELS[row.type]}
            </NextLink>
            <Flex alignItems="center" flexGap="0.5rem">
              <Small marginBottom="none">oldest {age(row.oldestAt)}</Small>
              <Badge label={OWNER_LABELS[row.ownerTeam]} variant="secondary" />
            </Flex>
          </Flex>
        ))}
      </Panel>
      <Panel header="Order export runs">
        <Text marginBottom="none">
          {data?.lastOrdersRun
            ? `Last run ${age(data.lastOrdersRun.at)} ago: ${data.lastOrdersRun.ok ? 'succeeded' : 'failed (see the server log)'}.`
            : 'The order export has not run yet: call /api/cron/orders on a schedule (see the README).'}
        </Text>
      </Panel>
    </>
  );
}

function Figure({ label, value, href, tone }: { label: string; value: number | undefined; href: string; tone?: 'warning' | 'danger' }) {
  const color = tone === 'danger' ? 'danger' : tone === 'warning' ? 'warning50' : 'secondary70';
  return (
    <NextLink href={href} style={{ textDecoration: 'none' }}>
      <Box backgroundColor="white" shadow="raised" padding="medium" borderRadius="normal">
        <Small marginBottom="xxSmall">{label}</Small>
        <H3 marginBottom="none" color={color}>
          {value ?? '–'}
        </H3>
      </Box>
    </NextLink>
  );
}

function age(iso: string): ReactNode {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(iso).getTime()) / 60_000));
  if (minutes < 1) return 'under a minute';
  if (minutes < 90) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}
