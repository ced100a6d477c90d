'use client';
import { formatMoney } from '../orders/money';
import { Badge, Box, Button, Flex, Form, Input, Message, Panel, Select, Table, Text } from '@bigcommerce/big-design';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi } from '@/lib/client/api';
import type { OrderSyncState } from '@/lib/generated/prisma/enums';
import type { OrderRowView, OrderSearchResult } from '@/lib/sync/panel/search-orders';
import { dateTime, ORDER_STATE_BADGES } from '../exceptions/labels';
import { EmptyState } from '../panel/EmptyState';
import { PageHeader } from '../panel/PageHeader';
import { OrderTimeline } from '../orders/OrderTimeline';

const ANY = '';
const PAGE_SIZES = [25, 50, 100];

export function OrdersPage() {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const [state, setState] = useState<string>(ANY);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [openId, setOpenId] = useState<string | null>(null);
  /** An order number from a deep link: its timeline opens once the search finds it. */
  const [openLinked, setOpenLinked] = useState<number | null>(null);
  const detailRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Deep links: /orders?q=<order id> from the exception queue, /orders?state=<state> from the dashboard.
    const params = new URLSearchParams(window.location.search);
    const linked = params.get('q');
    const linkedState = params.get('state');
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (linkedState && /^[A-Z]+$/.test(linkedState)) setState(linkedState);
    if (!linked) return;
    setDraft(linked);
    setQ(linked);
    if (/^\d+$/.test(linked)) setOpenLinked(Number(linked));
  }, []);

  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize), ...(q ? { q } : {}), ...(state ? { state } : {}) });
  const { data, error, isLoading } = useApi<OrderSearchResult>(`/api/orders?${query}`, { keepPreviousData: true, refreshInterval: 30_000 });

  useEffect(() => {
    if (openLinked === null || !data) return;
    // Waits for a result that holds the order (an earlier, unfiltered page may arrive first).
    const match = data.orders.find((o) => o.bcOrderId === openLinked);
    if (!match) return;
    /* eslint-disable react-hooks/set-state-in-effect */
    setOpenId(match.id);
    setOpenLinked(null);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [openLinked, data]);

  useEffect(() => {
    if (openId) detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [openId]);

  function search(event: FormEvent) {
    event.preventDefault();
    setOpenLinked(null);
    setQ(draft.trim());
    setPage(1);
  }

  const searching = q !== '' || state !== ANY;
  return (
    <>
      <PageHeader title="Orders" description="Every order's journey from BigCommerce to Whistl: received, checked, sent, Whistl status and shipped, with any errors in full." />
      <Panel>
        <Form onSubmit={search}>
          <Flex flexGap="1rem" alignItems="flex-end" flexWrap="wrap">
            <Box style={{ flex: '1 1 320px' }}>
              <Input label="Search" placeholder="Order number, customer name or email" value={draft} onChange={(e) => setDraft(e.target.value)} />
            </Box>
            <Box style={{ minWidth: 180 }}>
              <Select
                label="Sync state"
                value={state}
                onOptionChange={(value) => {
                  setState(value ?? ANY);
                  setPage(1);
                }}
                options={[{ value: ANY, content: 'Any state' }, ...(Object.keys(ORDER_STATE_BADGES) as OrderSyncState[]).map((value) => ({ value, content: ORDER_STATE_BADGES[value].label }))]}
              />
            </Box>
            <Button type="submit">Search</Button>
            {searching ? (
              <Button
                type="button"
                variant="subtle"
                onClick={() => {
                  setDraft('');
                  setQ('');
                  setState(ANY);
                  setPage(1);
                }}
              >
                Clear
              </Button>
            ) : null}
          </Flex>
        </Form>
      </Panel>

      {error ? <Message type="error" header="Orders could not be loaded" messages={[{ text: error.message }]} marginBottom="medium" /> : null}

      <div ref={detailRef}>{openId ? <OrderTimeline key={openId} orderSyncId={openId} onClose={() => setOpenId(null)} /> : null}</div>

      {!isLoading && data && data.total === 0 ? (
        searching ? (
          <EmptyState header="Orders" heading="No orders match" message={`Nothing found for ${q ? `“${q}”` : 'this state'}. Search by the BigCommerce order number, or part of the customer's name or email.`} />
        ) : (
          <EmptyState
            header="Orders"
            heading="No orders synced yet"
            message="Orders appear here as soon as BigCommerce tells the app about them: received, validated, sent, Whistl status and shipped, with any errors in full."
          />
        )
      ) : (
        <Panel header={data ? `${data.total} order${data.total === 1 ? '' : 's'}` : 'Orders'}>
          <Table<OrderRowView>
            keyField="id"
            itemName="orders"
            items={data?.orders ?? []}
            pagination={
              data
                ? {
                    currentPage: page,
                    itemsPerPage: pageSize,
                    itemsPerPageOptions: PAGE_SIZES,
                    totalItems: data.total,
                    onPageChange: setPage,
                    onItemsPerPageChange: (size) => {
                      setPageSize(size);
                      setPage(1);
                    },
                  }
                : undefined
            }
            columns={[
              {
                header: 'Order',
                hash: 'order',
                width: 110,
                render: (o) => (
                  <Button variant="subtle" onClick={() => setOpenId(o.id)} aria-label={`Show order ${o.bcOrderId}`}>
                    #{o.bcOrderId}
                  </Button>
                ),
              },
              {
                header: 'Customer',
                hash: 'customer',
                render: (o) => (
                  <Flex flexDirection="column">
                    <Text marginBottom="none">{o.customerName ?? '—'}</Text>
                    <Text color="secondary60" marginBottom="none">{o.customerEmail ?? ''}</Text>
                  </Flex>
                ),
              },
              {
                header: 'State',
                hash: 'state',
                width: 170,
                render: (o) => (
                  <Flex flexGap="0.25rem" flexWrap="wrap">
                    <Badge {...ORDER_STATE_BADGES[o.state]} />
                    {o.openExceptions > 0 ? <Badge label={`${o.openExceptions} exception${o.openExceptions === 1 ? '' : 's'}`} variant="danger" /> : null}
                  </Flex>
                ),
              },
              { header: 'Placed', hash: 'placed', width: 170, render: (o) => (o.bcDateCreated ? dateTime(o.bcDateCreated) : '—') },
              { header: 'Sent to Whistl', hash: 'exported', width: 170, render: (o) => (o.exportedAt ? dateTime(o.exportedAt) : '—') },
              { header: 'Total', hash: 'total', width: 100, align: 'right', render: (o) => formatMoney(o.orderTotal) },
            ]}
          />
        </Panel>
      )}
    </>
  );
}
