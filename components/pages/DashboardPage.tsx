'use client';
import { Badge, Button, Flex, Panel, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useMe } from '@/lib/client/api';
import { PageHeader } from '../panel/PageHeader';

export function DashboardPage() {
  const { data: me } = useMe();
  const router = useRouter();
  const whistl = me?.setup.whistl;
  return (
    <>
      <PageHeader title="Dashboard" description="Handover health between your store and the Whistl warehouse." />
      <Panel header="Setup" description="Orders only flow once every step is done.">
        <Flex flexDirection="column" flexGap="0.75rem">
          <SetupRow
            label="Whistl connection"
            state={!whistl?.configured ? 'todo' : whistl.lastTestOk ? 'done' : 'attention'}
            detail={
              !whistl?.configured
                ? 'Not connected: enter your Whistl API details in Settings.'
                : whistl.lastTestOk
                  ? 'Connected and tested.'
                  : whistl.lastTestOk === false
                    ? 'The last connection test failed: see Settings.'
                    : 'Saved but not tested yet.'
            }
            action={<Button variant="secondary" onClick={() => router.push('/settings')}>Open Settings</Button>}
          />
        </Flex>
      </Panel>
      <Panel header="Order export">
        <Text>
          No orders are being sent to Whistl yet. Once the connection is working and shipping methods are mapped,
          paid orders will appear here with their export status.
        </Text>
      </Panel>
    </>
  );
}

function SetupRow({ label, state, detail, action }: { label: string; state: 'done' | 'todo' | 'attention'; detail: string; action: React.ReactNode }) {
  const badge = { done: { label: 'Done', variant: 'success' }, todo: { label: 'To do', variant: 'secondary' }, attention: { label: 'Needs attention', variant: 'danger' } } as const;
  return (
    <Flex justifyContent="space-between" alignItems="center" flexGap="1rem">
      <Flex flexDirection="column">
        <Flex alignItems="center" flexGap="0.5rem">
          <Text bold marginBottom="none">{label}</Text>
          <Badge {...badge[state]} />
        </Flex>
        <Text color="secondary60" marginBottom="none">{detail}</Text>
      </Flex>
      {action}
    </Flex>
  );
}
