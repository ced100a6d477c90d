'use client';
import { Badge, Box, Button, Flex, Grid, H3, Message, Panel, Small, Text, type BadgeProps } from '@bigcommerce/big-design';
import NextLink from 'next/link';
import { useRouter } from 'next/navigation';
import { useApi, useMe } from '@/lib/client/api';
import type { DashboardSummary, JobHealth } from '@/lib/sync/dashboard-summary';
import { CutoffPanel } from '../dashboard/CutoffPanel';
import { duration } from '../dashboard/format';
import { TrendChart } from '../dashboard/TrendChart';
import { EXCEPTION_TYPE_LABELS, OWNER_LABELS } from '../exceptions/labels';
import { PageHeader } from '../panel/PageHeader';

const JOBS: Record<JobHealth['job'], { label: string; href: string }> = {
  orders: { label: 'Order export', href: '/orders' },
  fulfilment: { label: 'Despatches and shipments', href: '/exceptions?type=WRITEBACK_FAILED' },
  inventory: { label: 'Inventory sync', href: '/inventory' },
  monitor: { label: 'Monitoring and alerts', href: '/help' },
};

const JOB_STATUS: Record<JobHealth['status'], { label: string; variant: BadgeProps['variant'] }> = {
  ok: { label: 'On time', variant: 'success' },
  late: { label: 'Late', variant: 'warning' },
  failing: { label: 'Failing', variant: 'danger' },
  never: { label: 'Never ran', variant: 'danger' },
};

export function DashboardPage() {
  const { data: me } = useMe();
  const { data, error } = useApi<DashboardSummary>('/api/dashboard', { refreshInterval: 5000 });
  const router = useRouter();
  const whistl = me?.setup.whistl;
  const held = data?.orders.HELD ?? 0;
  const failed = data?.orders.FAILED ?? 0;
  const now = data ? new Date(data.generatedAt).getTime() : 0;
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
      {error ? <Message type="error" header="The dashboard could not be loaded" messages={[{ text: error.message }]} marginBottom="medium" /> : null}
      {data ? <CutoffPanel summary={data} /> : null}
      <Grid gridColumns="repeat(3, 1fr)" gridGap="1rem" marginBottom="medium">
        <Figure label="Waiting to be sent" value={data?.waitingToExport} href="/orders?state=PENDING" />
        <Figure label={`Sent to Whistl today${data ? ` (${data.timeZone})` : ''}`} value={data?.exportedToday} href="/orders?state=EXPORTED" />
        <Figure label="Held by an exception" value={data ? held : undefined} href="/exceptions" tone={held ? 'warning' : undefined} />
        <Figure label="Failed after retries" value={data ? failed : undefined} href="/exceptions?type=EXPORT_FAILED" tone={failed ? 'danger' : undefined} />
        <Figure
          label="Shipments waiting to be written back"
          value={data?.writeBacks.pending}
          note={data?.writeBacks.oldestPendingAt ? `oldest ${duration(now - new Date(data.writeBacks.oldestPendingAt).getTime())}` : undefined}
          extra={data?.writeBacks.failed ? `${data.writeBacks.failed} failed` : undefined}
          href="/exceptions?type=WRITEBACK_FAILED"
          tone={data?.writeBacks.failed ? 'danger' : undefined}
        />
        <Figure
          label="Inventory sync lag"
          text={data ? (!data.inventory.enabled ? 'Off' : data.inventory.lagMs === null ? 'No run yet' : duration(data.inventory.lagMs)) : undefined}
          note={data?.inventory.lastRunOk === false ? 'last run failed' : data?.inventory.lastRunLagMs != null ? `last run applied changes ${duration(data.inventory.lastRunLagMs)} old` : undefined}
          href="/inventory"
          tone={data && data.inventory.enabled && (data.inventory.lagMs === null || data.inventory.lagMs > 30 * 60_000 || data.inventory.lastRunOk === false) ? 'warning' : undefined}
        />
      </Grid>
      <Panel header="Open exceptions" description="Each needs its owner before the day's last collection.">
        {data && data.openExceptions.length === 0 ? <Text>Nothing is waiting for anyone.</Text> : null}
        {data?.openExceptions.map((row) => (
          <Flex key={`${row.type}-${row.ownerTeam}`} justifyContent="space-between" alignItems="center" paddingVertical="xSmall">
            <NextLink href={`/exceptions?type=${row.type}`}>
              {row.count} × {EXCEPTION_TYPE_LABELS[row.type]}
            </NextLink>
            <Flex alignItems="center" flexGap="0.5rem">
              <Small marginBottom="none">oldest {duration(now - new Date(row.oldestAt).getTime())}</Small>
              <Badge label={OWNER_LABELS[row.ownerTeam]} variant="secondary" />
            </Flex>
          </Flex>
        ))}
      </Panel>
      {data ? (
        <Panel header="Last 14 days" description={`Calendar days in ${data.timeZone}; each chart opens the list behind it.`}>
          <Grid gridColumns="repeat(2, 1fr)" gridGap="1rem">
            <TrendChart title="Orders sent to Whistl" days={data.trends.days} values={data.trends.exports} kind="bar" color="#3C64F4" href="/orders?state=EXPORTED" />
            <TrendChart title="Exceptions opened" days={data.trends.days} values={data.trends.exceptions} kind="bar" color="#DB3643" href="/exceptions" />
            <TrendChart title="Whistl orders despatched" days={data.trends.days} values={data.trends.despatches} kind="bar" color="#208831" href="/orders?state=EXPORTED" />
            <TrendChart title="Inventory sync lag (worst run)" days={data.trends.days} values={data.trends.syncLagMs} kind="line" color="#B27B00" format={duration} href="/inventory" />
          </Grid>
        </Panel>
      ) : null}
      <Panel header="Scheduled jobs" description="Each job should run every minute; one without a good run for 5 minutes is late. Jobs serve every store on this server.">
        {data?.jobs.map((job) => (
          <Flex key={job.job} justifyContent="space-between" alignItems="center" paddingVertical="xSmall" data-testid={`job-${job.job}`}>
            <NextLink href={JOBS[job.job].href}>{JOBS[job.job].label}</NextLink>
            <Flex alignItems="center" flexGap="0.5rem">
              <Small marginBottom="none">
                {job.lastGoodAt ? `last good run ${duration(now - new Date(job.lastGoodAt).getTime())} ago` : 'no good run yet'}
                {job.lastRunOk === false ? ' · the latest run failed (see the server log)' : ''}
              </Small>
              <Badge label={JOB_STATUS[job.status].label} variant={JOB_STATUS[job.status].variant} />
            </Flex>
          </Flex>
        ))}
      </Panel>
    </>
  );
}

function Figure({
  label,
  value,
  text,
  note,
  extra,
  href,
  tone,
}: {
  label: string;
  value?: number | undefined;
  text?: string | undefined;
  note?: string | undefined;
  extra?: string | undefined;
  href: string;
  tone?: 'warning' | 'danger' | undefined;
}) {
  const color = tone === 'danger' ? 'danger' : tone === 'warning' ? 'warning50' : 'secondary70';
  return (
    <NextLink href={href} style={{ textDecoration: 'none' }}>
      <Box backgroundColor="white" shadow="raised" padding="medium" borderRadius="normal" style={{ height: '100%' }}>
        <Small marginBottom="xxSmall">{label}</Small>
        <Flex alignItems="baseline" flexGap="0.5rem">
          <H3 marginBottom="none" color={color}>
            {text ?? value ?? '–'}
          </H3>
          {extra ? <Small marginBottom="none" color="danger">{extra}</Small> : null}
        </Flex>
        {note ? <Small marginBottom="none">{note}</Small> : null}
      </Box>
    </NextLink>
  );
}
