'use client';
import { Badge, Button, Flex, Input, Table, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { InventoryRowView } from '@/lib/sync/inventory/list-inventory';
import { formatTime } from './format';

const ORPHAN_LABELS = { BIGCOMMERCE_ONLY: 'Only in BigCommerce', WHISTL_ONLY: 'Only in Whistl' } as const;

/** Per-SKU figures; ops edit the buffer in place (empty = use the store default). */
export function InventoryTable({
  items,
  canEdit,
  onSaveBuffer,
}: {
  items: InventoryRowView[];
  canEdit: boolean;
  onSaveBuffer: (whistlSku: string, buffer: number | null) => Promise<void>;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState<string | null>(null);

  async function save(row: InventoryRowView) {
    const draft = (drafts[row.whistlSku] ?? '').trim();
    const buffer = draft === '' ? null : Number(draft);
    if (buffer !== null && (!Number.isInteger(buffer) || buffer < 0)) return;
    setSaving(row.whistlSku);
    try {
      await onSaveBuffer(row.whistlSku, buffer);
      setDrafts(({ [row.whistlSku]: _, ...rest }) => rest);
    } finally {
      setSaving(null);
    }
  }

  return (
    <Table<InventoryRowView & { id: string }>
      keyField="id"
      itemName="SKUs"
      items={items.map((item) => ({ ...item, id: item.whistlSku }))}
      columns={[
        {
          header: 'SKU',
          hash: 'sku',
          render: (row) => (
            <Flex flexDirection="column" flexGap="0.25rem">
              <Text bold marginBottom="none">{row.bcSku ?? row.whistlSku}</Text>
              {row.bcSku !== null && row.bcSku !== row.whistlSku ? <Text color="secondary60" marginBottom="none">{`Whistl: ${row.whistlSku}`}</Text> : null}
              <Flex flexGap="0.25rem" flexWrap="wrap">
                {row.orphan !== 'NONE' ? <Badge label={ORPHAN_LABELS[row.orphan]} variant="warning" /> : null}
                {row.pending ? <Badge label="Push due" variant="secondary" /> : null}
                {row.trackingMode ? <Badge label={`By ${row.trackingMode}`} variant="secondary" /> : null}
              </Flex>
            </Flex>
          ),
        },
        { header: 'Whistl free', hash: 'free', width: 100, render: (row) => <Text marginBottom="none">{row.whistlFree ?? '—'}</Text> },
        {
          header: 'Buffer',
          hash: 'buffer',
          width: 190,
          render: (row) =>
            canEdit && row.orphan === 'NONE' ? (
              <Flex alignItems="center" flexGap="0.25rem">
                <div style={{ width: 80 }}>
                  <Input
                    aria-label={`Buffer for ${row.whistlSku}`}
                    type="number"
                    min={0}
                    placeholder={String(row.buffer)}
                    value={drafts[row.whistlSku] ?? (row.bufferOverride === null ? '' : String(row.bufferOverride))}
                    onChange={(event) => setDrafts((d) => ({ ...d, [row.whistlSku]: event.target.value }))}
                  />
                </div>
                <Button variant="secondary" disabled={drafts[row.whistlSku] === undefined || saving !== null} isLoading={saving === row.whistlSku} onClick={() => void save(row)}>
                  Save
                </Button>
              </Flex>
            ) : (
              <Text marginBottom="none">{row.bufferOverride === null ? `${row.buffer} (default)` : String(row.bufferOverride)}</Text>
            ),
        },
        { header: 'In flight', hash: 'inFlight', width: 80, render: (row) => <Text marginBottom="none">{row.inFlight}</Text> },
        { header: 'Target', hash: 'target', width: 80, render: (row) => <Text bold marginBottom="none">{row.target ?? '—'}</Text> },
        { header: 'Last pushed', hash: 'lastPushed', width: 100, render: (row) => <Text marginBottom="none">{row.lastPushed ?? '—'}</Text> },
        { header: 'Pushed at', hash: 'pushedAt', width: 170, render: (row) => <Text marginBottom="none">{formatTime(row.pushedAt)}</Text> },
        {
          header: 'Last error',
          hash: 'error',
          render: (row) => (row.lastError ? <Text color="danger" marginBottom="none">{row.lastError}</Text> : <Text color="secondary60" marginBottom="none">—</Text>),
        },
      ]}
    />
  );
}
