'use client';
import { Badge, Box, Button, Flex, Message, Panel, Select, Table, Text } from '@bigcommerce/big-design';
import { useEffect, useMemo, useRef, useState } from 'react';
import { apiFetch, useApi, useMe } from '@/lib/client/api';
import type { ExceptionStatus, ExceptionType, OwnerTeam } from '@/lib/generated/prisma/enums';
import type { ExceptionGroup, ExceptionList, ExceptionView } from '@/lib/sync/panel/list-exceptions';
import { ExceptionReasons } from '../exceptions/ExceptionReasons';
import { IgnoreExceptionModal } from '../exceptions/IgnoreExceptionModal';
import { age, errorText, EXCEPTION_STATUS_LABELS, EXCEPTION_TYPE_LABELS, ORDER_STATE_BADGES, OWNER_LABELS } from '../exceptions/labels';
import { EmptyState } from '../panel/EmptyState';
import { PageHeader } from '../panel/PageHeader';

type Notice = { type: 'success' | 'error' | 'warning'; text: string };
type Row = { id: string; group: ExceptionGroup };

const ANY = '';
const AGES = [
  { value: ANY, content: 'Any age' },
  { value: '1', content: 'Older than 1 hour' },
  { value: '4', content: 'Older than 4 hours' },
  { value: '24', content: 'Older than 24 hours' },
];

export function ExceptionsPage() {
  const { data: me } = useMe();
  const canAct = me?.role === 'ADMIN' || me?.role === 'OPS';
  const canRead = canAct || me?.role === 'CX';
  const [status, setStatus] = useState<ExceptionStatus>('OPEN');
  const [type, setType] = useState<string>(ANY);
  const [owner, setOwner] = useState<string>(ANY);
  const [olderThan, setOlderThan] = useState<string>(ANY);
  const [selected, setSelected] = useState<Row[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [ignoring, setIgnoring] = useState<ExceptionView | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Deep links from the dashboard: /exceptions?type=<exception type>.
    const linkedType = new URLSearchParams(window.location.search).get('type');
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (linkedType && /^[A-Z_]+$/.test(linkedType)) setType(linkedType);
  }, []);

  useEffect(() => {
    // Actions are taken far down a long list: bring their outcome into view.
    if (notice) noticeRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, [notice]);

  const query = new URLSearchParams({ status, ...(type ? { type } : {}), ...(owner ? { owner } : {}), ...(olderThan ? { olderThanHours: olderThan } : {}) });
  const { data, error, isLoading, mutate } = useApi<ExceptionList>(canRead ? `/api/exceptions?${query}` : null, { refreshInterval: 30_000 });
  const rows = useMemo<Row[]>(() => (data?.groups ?? []).map((group) => ({ id: group.key, group })), [data]);
  const filtered = type !== ANY || owner !== ANY || olderThan !== ANY;

  async function retry(exceptionIds: string[]) {
    setBusy(true);
    setNotice(null);
    try {
      const result = await apiFetch<{ orders: number; requeued: number }>('/api/exceptions/retry', { method: 'POST', body: JSON.stringify({ exceptionIds }) });
      const skipped = result.orders - result.requeued;
      setNotice({
        type: result.requeued > 0 ? 'success' : 'warning',
        text:
          `${plural(result.requeued, 'order')} sent back to the export queue; each is checked again and leaves this list once it reaches Whistl.` +
          (skipped > 0 ? ` ${plural(skipped, 'order')} could not be retried (already queued or being sent).` : ''),
      });
      setSelected([]);
      await mutate();
    } catch (caught) {
      setNotice({ type: 'error', text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  }

  async function ignore(exception: ExceptionView, note: string) {
    setBusy(true);
    try {
      const result = await apiFetch<{ orderState: string | null }>(`/api/exceptions/${exception.id}/ignore`, { method: 'POST', body: JSON.stringify({ note }) });
      setNotice({
        type: 'success',
        text: result.orderState === 'IGNORED' ? 'Exception ignored. It was the order’s last open exception, so the order will not be sent to Whistl.' : 'Exception ignored. The order still has other open exceptions.',
      });
      setIgnoring(null);
      await mutate();
    } catch (caught) {
      setNotice({ type: 'error', text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  }

  if (me && !canRead) {
    return (
      <>
        <PageHeader title="Exceptions" description="Orders that could not flow, each with an owner and a fix." />
        <Panel header="Exception queue">
          <Text>Only ops and customer service can see the exception queue. Ask a store admin if you need access.</Text>
        </Panel>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Exceptions" description="Orders that could not go to Whistl, grouped by order with every reason, what it means and how to fix it." />
      <Panel>
        <Flex flexGap="1rem" flexWrap="wrap">
          <Box style={{ minWidth: 160 }}>
            <Select
              label="Status"
              value={status}
              onOptionChange={(value) => value && setStatus(value)}
              options={(Object.keys(EXCEPTION_STATUS_LABELS) as ExceptionStatus[]).map((value) => ({ value, content: EXCEPTION_STATUS_LABELS[value] }))}
            />
          </Box>
          <Box style={{ minWidth: 200 }}>
            <Select
              label="Type"
              value={type}
              onOptionChange={(value) => setType(value ?? ANY)}
              options={[{ value: ANY, content: 'All types' }, ...(Object.keys(EXCEPTION_TYPE_LABELS) as ExceptionType[]).map((value) => ({ value, content: EXCEPTION_TYPE_LABELS[value] }))]}
            />
          </Box>
          <Box style={{ minWidth: 200 }}>
            <Select
              label="Owner"
              value={owner}
              onOptionChange={(value) => setOwner(value ?? ANY)}
              options={[{ value: ANY, content: 'All teams' }, ...(Object.keys(OWNER_LABELS) as OwnerTeam[]).map((value) => ({ value, content: OWNER_LABELS[value] }))]}
            />
          </Box>
          <Box style={{ minWidth: 200 }}>
            <Select label="Age" value={olderThan} onOptionChange={(value) => setOlderThan(value ?? ANY)} options={AGES} />
          </Box>
        </Flex>
      </Panel>

      <div ref={noticeRef}>
        {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      </div>
      {error ? <Message type="error" header="The exception queue could not be loaded" messages={[{ text: error.message }]} marginBottom="medium" /> : null}
      {data?.truncated ? (
        <Message type="warning" messages={[{ text: `Showing the oldest ${rows.length} orders of ${data.total} exceptions: narrow the filters to see the rest.` }]} marginBottom="medium" />
      ) : null}

      {!isLoading && data && rows.length === 0 ? (
        <EmptyState
          header="Exception queue"
          heading={filtered || status !== 'OPEN' ? 'No exceptions match these filters' : 'No exceptions: nothing is waiting'}
          message={
            filtered || status !== 'OPEN'
              ? 'Try another type, owner, age or status.'
              : 'Every order received has either gone to Whistl or is queued to go. When an order cannot be sent (an unmapped shipping method, a SKU the warehouse rejects, an address Whistl refuses), it appears here with every reason and how to fix it.'
          }
        />
      ) : (
        <Panel header={data ? `${plural(rows.length, 'order')} · ${plural(data.total, 'exception')}` : 'Exception queue'}>
          <Table<Row>
            keyField="id"
            itemName="orders"
            stickyHeader
            items={rows}
            selectable={canAct && status === 'OPEN' ? { selectedItems: selected, onSelectionChange: setSelected } : undefined}
            actions={
              canAct && status === 'OPEN' ? (
                <Button
                  variant="secondary"
                  disabled={selected.length === 0 || busy}
                  isLoading={busy && selected.length > 0}
                  onClick={() => void retry(selected.flatMap((row) => row.group.exceptions.map((e) => e.id)))}
                >
                  {selected.length > 0 ? `Retry ${plural(selected.length, 'order')}` : 'Retry selected'}
                </Button>
              ) : undefined
            }
            columns={[
              {
                header: 'Order',
                hash: 'order',
                width: 200,
                verticalAlign: 'top',
                render: ({ group }) =>
                  group.order ? (
                    <Flex flexDirection="column" flexGap="0.25rem" paddingVertical="xSmall">
                      <Text bold marginBottom="none">#{group.order.bcOrderId}</Text>
                      <Text marginBottom="none">{group.order.customerName ?? 'Unknown customer'}</Text>
                      <Text color="secondary60" marginBottom="none" style={{ wordBreak: 'break-all' }}>
                        {group.order.customerEmail ?? ''}
                      </Text>
                      <Box>
                        <Badge {...ORDER_STATE_BADGES[group.order.state]} />
                      </Box>
                    </Flex>
                  ) : (
                    <Box paddingVertical="xSmall">
                      <Text color="secondary60" marginBottom="none">Not tied to an order</Text>
                    </Box>
                  ),
              },
              {
                header: 'Reasons',
                hash: 'reasons',
                verticalAlign: 'top',
                render: ({ group }) => <ExceptionReasons exceptions={group.exceptions} onIgnore={canAct ? setIgnoring : undefined} />,
              },
              {
                header: 'Waiting',
                hash: 'age',
                width: 90,
                verticalAlign: 'top',
                render: ({ group }) => (
                  <Box paddingVertical="xSmall" title={new Date(group.oldestAt).toLocaleString('en-GB')}>
                    <Text marginBottom="none">{age(group.oldestAt)}</Text>
                  </Box>
                ),
              },
              ...(canAct && status === 'OPEN'
                ? [
                    {
                      header: 'Actions',
                      hash: 'actions',
                      width: 110,
                      verticalAlign: 'top' as const,
                      render: ({ group }: Row) =>
                        group.order ? (
                          <Box paddingVertical="xSmall">
                            <Button variant="secondary" disabled={busy} onClick={() => void retry(group.exceptions.map((e) => e.id))}>
                              Retry
                            </Button>
                          </Box>
                        ) : null,
                    },
                  ]
                : []),
            ]}
          />
        </Panel>
      )}
      <IgnoreExceptionModal exception={ignoring} busy={busy} onCancel={() => setIgnoring(null)} onConfirm={(note) => ignoring && void ignore(ignoring, note)} />
    </>
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
