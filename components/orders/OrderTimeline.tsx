'use client';
import { formatMoney } from './money';
import { Badge, Box, Button, Flex, H3, Message, Panel, ProgressCircle, Table, Text } from '@bigcommerce/big-design';
import { useApi } from '@/lib/client/api';
import type { OrderTimelineView } from '@/lib/sync/panel/get-order-timeline';
import { dateTime, EXCEPTION_TYPE_LABELS, ORDER_STATE_BADGES, OWNER_LABELS } from '../exceptions/labels';

type EventRow = OrderTimelineView['events'][number];
type LinkRow = OrderTimelineView['whistlOrders'][number];
type ExceptionRow = OrderTimelineView['exceptions'][number];

const EVENT_VARIANTS: Record<string, 'success' | 'danger' | 'warning' | 'secondary' | 'primary'> = {
  EXPORTED: 'success',
  SHIPPED: 'success',
  DESPATCHED: 'success',
  HELD: 'danger',
  FAILED: 'danger',
  REJECTED: 'danger',
  ERROR: 'danger',
  IGNORED: 'warning',
  REQUEUED: 'primary',
};

function eventVariant(kind: string) {
  const upper = kind.toUpperCase();
  return EVENT_VARIANTS[upper] ?? (/(FAIL|ERROR|REJECT)/.test(upper) ? 'danger' : 'secondary');
}

/** One order's sync timeline for CX: what happened, its Whistl orders, its exceptions, raw errors. */
export function OrderTimeline({ orderSyncId, onClose }: { orderSyncId: string; onClose(): void }) {
  const { data, error } = useApi<OrderTimelineView>(`/api/orders/${orderSyncId}`, { refreshInterval: 15_000 });
  if (error) return <Message type="error" header="The order could not be loaded" messages={[{ text: error.message }]} onClose={onClose} marginBottom="medium" />;
  if (!data) return <ProgressCircle />;
  const { order } = data;
  return (
    <Panel
      header={`Order #${order.bcOrderId}`}
      action={{ text: 'Close', variant: 'subtle', onClick: onClose }}
      description={`${order.customerName ?? 'Unknown customer'}${order.customerEmail ? ` · ${order.customerEmail}` : ''}${order.orderTotal ? ` · total ${formatMoney(order.orderTotal)}` : ''}`}
    >
      <Flex flexGap="1.5rem" flexWrap="wrap" marginBottom="medium">
        <Fact label="Sync state">
          <Badge {...ORDER_STATE_BADGES[order.state]} />
        </Fact>
        <Fact label="Received">{dateTime(order.createdAt)}</Fact>
        <Fact label="Sent to Whistl">{order.exportedAt ? dateTime(order.exportedAt) : 'Not yet'}</Fact>
        <Fact label="Attempts">{String(order.attempts)}</Fact>
        {order.state === 'PENDING' ? <Fact label="Next attempt">{dateTime(order.nextAttemptAt)}</Fact> : null}
      </Flex>
      {order.lastError ? <Message type="error" header="Last error" messages={[{ text: order.lastError }]} marginBottom="medium" /> : null}
      {order.outcomeUnknown ? (
        <Message type="warning" messages={[{ text: 'The last send had no answer: Whistl is searched for the order before it is sent again.' }]} marginBottom="medium" />
      ) : null}

      <H3>Timeline</H3>
      {data.events.length === 0 ? (
        <Text color="secondary60">Nothing recorded yet.</Text>
      ) : (
        <Table<EventRow>
          keyField="id"
          itemName="events"
          items={data.events}
          columns={[
            { header: 'When', hash: 'when', width: 170, verticalAlign: 'top', render: (e) => dateTime(e.createdAt) },
            { header: 'Step', hash: 'kind', width: 150, verticalAlign: 'top', render: (e) => <Badge label={e.kind.toLowerCase().replace(/_/g, ' ')} variant={eventVariant(e.kind)} /> },
            {
              header: 'What happened',
              hash: 'message',
              verticalAlign: 'top',
              render: (e) => (
                <Box>
                  <Text marginBottom="none">{e.message}</Text>
                  {e.detail !== null && e.detail !== undefined ? <RawJson value={e.detail} /> : null}
                </Box>
              ),
            },
          ]}
        />
      )}

      <H3 marginTop="large">Whistl orders</H3>
      {data.whistlOrders.length === 0 ? (
        <Text color="secondary60">None yet: the order has not been created at Whistl.</Text>
      ) : (
        <Table<LinkRow>
          keyField="id"
          itemName="Whistl orders"
          items={data.whistlOrders}
          columns={[
            { header: 'Order number', hash: 'number', render: (l) => <code>{l.orderNumber}</code> },
            { header: 'Whistl id', hash: 'id', render: (l) => (l.whistlOrderId === null ? '—' : String(l.whistlOrderId)) },
            { header: 'Whistl status', hash: 'status', render: (l) => (l.whistlStatus ? <Badge label={l.whistlStatus} variant="secondary" /> : '—') },
            { header: 'Reference', hash: 'ref', render: (l) => <code>{l.externalRef}</code> },
            { header: 'Updated', hash: 'updated', render: (l) => dateTime(l.updatedAt) },
          ]}
        />
      )}

      <H3 marginTop="large">Exceptions</H3>
      {data.exceptions.length === 0 ? (
        <Text color="secondary60">None: nothing stopped this order.</Text>
      ) : (
        <Table<ExceptionRow>
          keyField="id"
          itemName="exceptions"
          items={data.exceptions}
          columns={[
            { header: 'Type', hash: 'type', width: 170, verticalAlign: 'top', render: (x) => <Badge label={EXCEPTION_TYPE_LABELS[x.type]} variant={x.status === 'OPEN' ? 'danger' : 'secondary'} /> },
            {
              header: 'Reason',
              hash: 'message',
              verticalAlign: 'top',
              render: (x) => (
                <Box>
                  <Text marginBottom="none">{x.message}</Text>
                  {x.note ? <Text color="secondary60" marginBottom="none">Note from {x.resolvedBy ?? 'an operator'}: {x.note}</Text> : null}
                  {x.detail !== null && x.detail !== undefined ? <RawJson value={x.detail} /> : null}
                </Box>
              ),
            },
            { header: 'Owner', hash: 'owner', width: 130, verticalAlign: 'top', render: (x) => OWNER_LABELS[x.ownerTeam] },
            { header: 'Status', hash: 'status', width: 110, verticalAlign: 'top', render: (x) => x.status.toLowerCase() },
            { header: 'Raised', hash: 'created', width: 170, verticalAlign: 'top', render: (x) => dateTime(x.createdAt) },
          ]}
        />
      )}
      <Flex justifyContent="flex-end" marginTop="medium">
        <Button variant="subtle" onClick={onClose}>
          Close
        </Button>
      </Flex>
    </Panel>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Flex flexDirection="column" flexGap="0.25rem">
      <Text color="secondary60" marginBottom="none">{label}</Text>
      <div>{children}</div>
    </Flex>
  );
}

function RawJson({ value }: { value: unknown }) {
  return (
    <details style={{ marginTop: 4 }}>
      <summary style={{ cursor: 'pointer', fontSize: 13 }}>Raw detail</summary>
      <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', fontSize: 12, background: '#f6f7fc', padding: 8, borderRadius: 4, margin: '4px 0 0' }}>
        {JSON.stringify(value, null, 2)}
      </pre>
    </details>
  );
}
