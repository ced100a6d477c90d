'use client';
import { Button, Flex, Input, Message, Panel, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { apiFetch, ApiError, useApi, useMe } from '@/lib/client/api';
import type { InventoryFilter, InventoryListView } from '@/lib/sync/inventory/list-inventory';
import { InventoryTable } from '../inventory/InventoryTable';
import { SyncStatusPanel } from '../inventory/SyncStatusPanel';
import { PageHeader } from '../panel/PageHeader';
import { EmptyState } from '../panel/EmptyState';

const FILTERS: Array<{ id: InventoryFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'changed', label: 'Changed' },
  { id: 'failed', label: 'Failed' },
  { id: 'orphaned', label: 'Orphaned' },
  { id: 'buffer', label: 'Buffer overridden' },
];
const PAGE_SIZE = 50;

export function InventoryPage() {
  const { data: me } = useMe();
  const [filter, setFilter] = useState<InventoryFilter>('all');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const query = new URLSearchParams({ filter, page: String(page), pageSize: String(PAGE_SIZE), ...(search.trim() ? { q: search.trim() } : {}) });
  const { data, error: loadError, mutate } = useApi<InventoryListView>(`/api/inventory?${query.toString()}`, { refreshInterval: 30_000 });
  const canEdit = me?.role === 'ADMIN' || me?.role === 'OPS';

  async function saveBuffer(whistlSku: string, buffer: number | null) {
    setError(null);
    try {
      await apiFetch('/api/inventory/buffers', { method: 'PUT', body: JSON.stringify({ buffers: [{ whistlSku, buffer }] }) });
      await mutate();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The buffer could not be saved');
    }
  }

  const header = (
    <PageHeader title="Inventory" description="Whistl's free stock pushed to your storefront, minus a safety buffer and units of orders Whistl has not received yet." />
  );
  if (loadError) {
    return (
      <>
        {header}
        <Message type="error" messages={[{ text: loadError.message }]} />
      </>
    );
  }
  if (!data) return header;
  if (data.counts.all === 0 && filter === 'all' && !search) {
    return (
      <>
        {header}
        <SyncStatusPanel view={data} />
        <EmptyState
          header="Stock sync"
          heading="No stock read yet"
          message="Once Whistl is connected the sync reads its stock on the schedule in Settings; each SKU's buffer, target and last push appear here."
        />
      </>
    );
  }
  const lastPage = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  return (
    <>
      {header}
      <SyncStatusPanel view={data} />
      {error ? <Message type="error" messages={[{ text: error }]} marginBottom="medium" /> : null}
      <Panel header="SKUs">
        <Flex flexGap="0.5rem" flexWrap="wrap" alignItems="center" marginBottom="medium">
          {FILTERS.map((f) => (
            <Button
              key={f.id}
              variant={filter === f.id ? 'primary' : 'secondary'}
              onClick={() => {
                setFilter(f.id);
                setPage(1);
              }}
            >
              {`${f.label} (${data.counts[f.id]})`}
            </Button>
          ))}
          <div style={{ minWidth: 240 }}>
            <Input
              aria-label="Search SKUs"
              placeholder="Search SKU"
              value={search}
              onChange={(event) => {
                setSearch(event.target.value);
                setPage(1);
              }}
            />
          </div>
        </Flex>
        {data.items.length === 0 ? (
          <Text>No SKUs match this filter.</Text>
        ) : (
          <InventoryTable items={data.items} canEdit={canEdit} onSaveBuffer={saveBuffer} />
        )}
        {lastPage > 1 ? (
          <Flex flexGap="0.5rem" alignItems="center" marginTop="medium">
            <Button variant="subtle" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Text marginBottom="none">{`Page ${page} of ${lastPage} (${data.total} SKUs)`}</Text>
            <Button variant="subtle" disabled={page >= lastPage} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </Flex>
        ) : null}
      </Panel>
    </>
  );
}
