'use client';
import { Badge, Box, Button, Flex, Form, Input, Message, Panel, Small, Table, Text } from '@bigcommerce/big-design';
import NextLink from 'next/link';
import { useState, type FormEvent } from 'react';
import { useApi, useMe } from '@/lib/client/api';
import { MISMATCH_KINDS, MISMATCH_LABELS, type MismatchKind } from '@/lib/sync/finance/kinds';
import { formatMoneyUnits, parseMoney } from '@/lib/sync/finance/money';
import type { Reconciliation, ReconciliationDay, ReconciliationMismatch } from '@/lib/sync/finance/reconcile';
import { downloadCsv } from '../finance/download-csv';
import { formatMoney } from '../orders/money';
import { EmptyState } from '../panel/EmptyState';
import { PageHeader } from '../panel/PageHeader';

const KINDS = MISMATCH_KINDS;
const KIND_LABELS = MISMATCH_LABELS;

export function FinancePage() {
  const { data: me } = useMe();
  const allowed = me?.role === 'ADMIN' || me?.role === 'FINANCE' || me?.role === 'OPS';
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [range, setRange] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [kind, setKind] = useState<MismatchKind | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const query = new URLSearchParams({ ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) }).toString();
  const { data, error, isLoading } = useApi<Reconciliation>(allowed ? `/api/finance/reconciliation${query ? `?${query}` : ''}` : null, {
    keepPreviousData: true,
    refreshInterval: 60_000,
  });

  function apply(event: FormEvent) {
    event.preventDefault();
    setRange({ from: draft.from, to: draft.to || draft.from });
  }

  async function download(report: 'mismatches' | 'days') {
    setNotice(null);
    try {
      const params = new URLSearchParams({ report, ...(data ? { from: data.from, to: data.to } : {}) });
      const name = await downloadCsv(`/api/finance/reconciliation/csv?${params}`);
      setNotice({ type: 'success', text: `Downloaded ${name}.` });
    } catch (e) {
      setNotice({ type: 'error', text: e instanceof Error ? e.message : String(e) });
    }
  }

  const header = <PageHeader title="Finance reconciliation" description="Per day in the store's time zone: what BigCommerce sold for fulfilment against what Whistl received and despatched." />;
  if (me && !allowed) {
    return (
      <>
        {header}
        <EmptyState header="Finance reconciliation" heading="Not available to your role" message="Finance reconciliation is for finance, ops and admins. Ask a store admin if you need access." />
      </>
    );
  }

  const totals = data ? sumDays(data.days) : null;
  const shown = data ? data.mismatches.filter((m) => !kind || m.kind === kind) : [];
  return (
    <>
      {header}
      <Panel>
        <Form onSubmit={apply}>
          <Flex flexGap="1rem" alignItems="flex-end" flexWrap="wrap">
            <Box style={{ minWidth: 170 }}>
              <Input label="From" type="date" value={draft.from || data?.from || ''} onChange={(e) => setDraft((d) => ({ ...d, from: e.target.value }))} />
            </Box>
            <Box style={{ minWidth: 170 }}>
              <Input label="To" type="date" value={draft.to || data?.to || ''} onChange={(e) => setDraft((d) => ({ ...d, to: e.target.value }))} />
            </Box>
            <Button type="submit">Show</Button>
            <Button type="button" variant="secondary" onClick={() => void download('mismatches')} disabled={!data}>
              Download mismatches (CSV)
            </Button>
            <Button type="button" variant="secondary" onClick={() => void download('days')} disabled={!data}>
              Download days (CSV)
            </Button>
          </Flex>
        </Form>
        {data ? (
          <Small marginTop="small" marginBottom="none">
            {data.from === data.to ? data.from : `${data.from} to ${data.to}`} in {data.timeZone}. BigCommerce statuses that send orders: {data.exportStatuses.join(', ')}.
          </Small>
        ) : null}
      </Panel>
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      {error ? <Message type="error" header="The reconciliation could not be loaded" messages={[{ text: error.message }]} marginBottom="medium" /> : null}
      {isLoading && !data ? <Text>Loading…</Text> : null}
      {data && totals ? (
        <>
          <Panel header="Per day">
            <Table<ReconciliationDay & { id: string }>
              items={[...data.days].reverse().map((d) => ({ ...d, id: d.date }))}
              columns={[
                { header: 'Day', hash: 'day', render: (d) => <span style={{ whiteSpace: 'nowrap' }}>{d.date}</span> },
                { header: 'BigCommerce orders', hash: 'bc', align: 'right', render: (d) => d.bigcommerce.orders },
                { header: 'Revenue', hash: 'revenue', align: 'right', render: (d) => formatMoney(d.bigcommerce.revenue) },
                { header: 'Sent to Whistl', hash: 'sent', align: 'right', render: (d) => `${d.sentToWhistl.orders} · ${formatMoney(d.sentToWhistl.revenue)}` },
                { header: 'Whistl orders created', hash: 'created', align: 'right', render: (d) => d.whistl.ordersCreated },
                { header: 'Whistl despatched', hash: 'despatched', align: 'right', render: (d) => `${d.whistl.despatched} · ${formatMoney(d.whistl.despatchedRevenue)}` },
                { header: 'Cancelled in BigCommerce', hash: 'cancelled', align: 'right', render: (d) => d.bigcommerce.cancelled },
                {
                  header: 'Mismatches',
                  hash: 'mismatches',
                  align: 'right',
                  render: (d) => {
                    const n = KINDS.reduce((sum, k) => sum + d.mismatches[k], 0);
                    return n ? <Badge label={String(n)} variant="danger" /> : <Badge label="0" variant="success" />;
                  },
                },
              ]}
            />
            {data.days.length > 1 ? (
              <Small marginTop="small" marginBottom="none">
                Total: {totals.orders} BigCommerce orders ({formatMoney(formatMoneyUnits(totals.revenue))}), {totals.sent} sent to Whistl, {totals.created} Whistl orders created, {totals.despatched} despatched.
              </Small>
            ) : null}
            {totals.notReadYet > 0 || totals.withoutTotal > 0 ? (
              <Small marginTop="xSmall" marginBottom="none">
                {totals.notReadYet > 0 ? `${totals.notReadYet} new orders not read by the connector yet are not counted. ` : ''}
                {totals.withoutTotal > 0 ? `${totals.withoutTotal} counted orders have no readable total and are left out of revenue.` : ''}
              </Small>
            ) : null}
          </Panel>
          <Panel header="Mismatches" description="Each is an order where BigCommerce and Whistl disagree. Open the order for its full timeline.">
            <Flex flexGap="0.5rem" flexWrap="wrap" marginBottom="medium">
              <Button variant={kind === null ? 'primary' : 'subtle'} onClick={() => setKind(null)}>
                All ({data.mismatches.length})
              </Button>
              {KINDS.map((k) => (
                <Button key={k} variant={kind === k ? 'primary' : 'subtle'} onClick={() => setKind(k)}>
                  {KIND_LABELS[k]} ({data.mismatches.filter((m) => m.kind === k).length})
                </Button>
              ))}
            </Flex>
            {shown.length === 0 ? (
              <Text marginBottom="none">{kind ? 'None of this kind.' : 'BigCommerce and Whistl agree for these days.'}</Text>
            ) : (
              <Table<ReconciliationMismatch & { id: string }>
                items={shown.map((m, i) => ({ ...m, id: `${m.kind}-${m.orderSyncId}-${i}` }))}
                columns={[
                  { header: 'Day', hash: 'day', render: (m) => <span style={{ whiteSpace: 'nowrap' }}>{m.day}</span> },
                  { header: 'Kind', hash: 'kind', render: (m) => KIND_LABELS[m.kind] },
                  { header: 'Order', hash: 'order', render: (m) => <NextLink href={`/orders?q=${m.bcOrderId}`}>#{m.bcOrderId}</NextLink> },
                  { header: 'BigCommerce status', hash: 'bc', render: (m) => m.bcStatus ?? 'not read yet' },
                  { header: 'Whistl', hash: 'whistl', render: (m) => m.whistlOrders || '–' },
                  { header: 'Total', hash: 'total', align: 'right', render: (m) => formatMoney(m.orderTotal) },
                  { header: 'Detail', hash: 'detail', render: (m) => m.detail },
                ]}
              />
            )}
          </Panel>
          <Panel header="How these figures are made">
            <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
              {data.notes.map((note) => (
                <li key={note}>
                  <Small marginBottom="xxSmall">{note}</Small>
                </li>
              ))}
            </ul>
          </Panel>
        </>
      ) : null}
    </>
  );
}

function sumDays(days: ReconciliationDay[]) {
  return days.reduce(
    (t, d) => ({
      orders: t.orders + d.bigcommerce.orders,
      revenue: t.revenue + (parseMoney(d.bigcommerce.revenue) ?? 0),
      sent: t.sent + d.sentToWhistl.orders,
      created: t.created + d.whistl.ordersCreated,
      despatched: t.despatched + d.whistl.despatched,
      notReadYet: t.notReadYet + d.bigcommerce.notReadYet,
      withoutTotal: t.withoutTotal + d.bigcommerce.withoutTotal,
    }),
    { orders: 0, revenue: 0, sent: 0, created: 0, despatched: 0, notReadYet: 0, withoutTotal: 0 },
  );
}
