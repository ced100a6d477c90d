'use client';
import { Badge, Flex, Panel, Text } from '@bigcommerce/big-design';
import type { InventoryListView } from '@/lib/sync/inventory/list-inventory';
import { formatDuration, formatTime } from './format';

/** Sync lag, the last good run and the last run's figures. */
export function SyncStatusPanel({ view }: { view: InventoryListView }) {
  const good = view.lastGoodRun;
  const last = view.lastRun;
  return (
    <Panel header="Stock sync">
      <Flex flexGap="2rem" flexWrap="wrap">
        <Figure label="Status" value={view.syncEnabled ? <Badge label="On" variant="success" /> : <Badge label="Paused" variant="warning" />} />
        <Figure label="Sync lag" value={<Text marginBottom="none" bold>{formatDuration(view.syncLagMs)}</Text>} />
        <Figure label="Last good run" value={<Text marginBottom="none">{good ? `${formatTime(good.finishedAt ?? good.startedAt)} (${good.kind})` : 'None yet'}</Text>} />
        {good ? (
          <Figure
            label="That run"
            value={<Text marginBottom="none">{`${good.read} read, ${good.changed} changed, ${good.pushed} pushed, ${good.failed} failed, ${good.requests} BigCommerce requests, lag ${formatDuration(good.lagMs)}`}</Text>}
          />
        ) : null}
        <Figure label="Default buffer" value={<Text marginBottom="none">{`${view.defaultBuffer} unit${view.defaultBuffer === 1 ? "" : "s"}`}</Text>} />
      </Flex>
      {last && last.ok === false ? (
        <Text color="danger" marginTop="medium" marginBottom="none">{`The last run (${formatTime(last.startedAt)}) failed: ${last.error ?? 'unknown error'}`}</Text>
      ) : null}
    </Panel>
  );
}

function Figure({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <Flex flexDirection="column" flexGap="0.25rem">
      <Text color="secondary60" marginBottom="none">{label}</Text>
      {value}
    </Flex>
  );
}
