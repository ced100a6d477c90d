'use client';
import { Badge, Box, Flex, H3, Panel, Small, Table, Text, type BadgeProps } from '@bigcommerce/big-design';
import NextLink from 'next/link';
import { useEffect, useState } from 'react';
import type { AtRiskReason } from '@/lib/sync/cutoff/cutoff';
import type { AtRiskOrderView, DashboardSummary } from '@/lib/sync/dashboard-summary';
import { countdown, duration, plural, storeClock, storeDate } from './format';

const REASONS: Record<AtRiskReason, { label: string; variant: BadgeProps['variant'] }> = {
  EXCEPTION: { label: 'Exception', variant: 'danger' },
  NOT_EXPORTED: { label: 'Not sent yet', variant: 'warning' },
  NOT_PICKED: { label: 'Not picked yet', variant: 'secondary' },
};

/** Counts down to the next collection and lists the orders that will miss it unless someone acts. */
export function CutoffPanel({ summary }: { summary: DashboardSummary }) {
  const { cutoff, timeZone } = summary;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  if (!cutoff.cutoffAt || !cutoff.cutoffTime) {
    return (
      <Panel header="Dispatch cutoff">
        <Text marginBottom="none">
          No collection time is set, so nothing can be flagged as at risk.{' '}
          <NextLink href="/settings#cutoff">Set the last collection time in Settings</NextLink>.
        </Text>
      </Panel>
    );
  }

  const msLeft = new Date(cutoff.cutoffAt).getTime() - now;
  const day = storeDate(cutoff.cutoffAt, timeZone) === summary.today ? 'today' : 'tomorrow';
  const urgent = cutoff.atRiskTotal > 0 && msLeft < 2 * 3_600_000;
  return (
    <Panel
      header="Dispatch cutoff"
      description={`Last collection ${cutoff.cutoffTime} (${timeZone}). Orders below will miss it unless someone acts.`}
    >
      <Flex flexGap="2rem" flexWrap="wrap" alignItems="flex-end" marginBottom="medium">
        <Box>
          <Small marginBottom="none">Next collection</Small>
          <H3 marginBottom="none">
            {storeClock(cutoff.cutoffAt, timeZone)} {day}
          </H3>
        </Box>
        <Box>
          <Small marginBottom="none">Time left</Small>
          <H3 marginBottom="none" color={urgent ? 'danger' : 'secondary70'} aria-live="off" data-testid="cutoff-countdown">
            {msLeft > 0 ? countdown(msLeft) : 'collection time reached'}
          </H3>
        </Box>
        <Box>
          <Small marginBottom="none">At risk</Small>
          <H3 marginBottom="none" color={cutoff.atRiskTotal ? 'danger' : 'success'} data-testid="at-risk-total">
            {plural(cutoff.atRiskTotal, 'order')}
          </H3>
        </Box>
        {cutoff.atRiskTotal > 0 ? (
          <Flex flexGap="0.5rem" flexWrap="wrap">
            {(Object.keys(REASONS) as AtRiskReason[])
              .filter((reason) => cutoff.atRiskByReason[reason] > 0)
              .map((reason) => (
                <Badge key={reason} label={`${cutoff.atRiskByReason[reason]} × ${REASONS[reason].label.toLowerCase()}`} variant={REASONS[reason].variant} />
              ))}
          </Flex>
        ) : null}
      </Flex>
      {cutoff.atRiskTotal === 0 ? (
        <Text marginBottom="none">Every order is picked or further along: nothing is at risk for this collection.</Text>
      ) : (
        <>
          <Table<AtRiskOrderView & { id: string }>
            stickyHeader
            items={cutoff.atRisk.map((order) => ({ ...order, id: order.orderSyncId }))}
            columns={[
              {
                header: 'Order',
                hash: 'order',
                render: (o) => <NextLink href={`/orders?q=${o.bcOrderId}`}>#{o.bcOrderId}</NextLink>,
              },
              { header: 'Why at risk', hash: 'reason', render: (o) => <Badge label={REASONS[o.reason].label} variant={REASONS[o.reason].variant} /> },
              {
                header: 'What is happening',
                hash: 'detail',
                render: (o) =>
                  o.reason === 'EXCEPTION' && o.exceptionTypes[0] ? (
                    <NextLink href={`/exceptions?type=${o.exceptionTypes[0]}`}>{o.detail}</NextLink>
                  ) : (
                    o.detail
                  ),
              },
              { header: 'Customer', hash: 'customer', render: (o) => o.customerName ?? '–' },
              { header: 'Waiting', hash: 'age', render: (o) => duration(now - new Date(o.since).getTime()) },
            ]}
          />
          {cutoff.atRiskTotal > cutoff.atRisk.length ? (
            <Small marginTop="small">
              Showing the oldest {cutoff.atRisk.length} of {cutoff.atRiskTotal}. <NextLink href="/exceptions">Open the exception queue</NextLink> or{' '}
              <NextLink href="/orders?state=PENDING">the orders waiting to be sent</NextLink>.
            </Small>
          ) : null}
        </>
      )}
    </Panel>
  );
}
