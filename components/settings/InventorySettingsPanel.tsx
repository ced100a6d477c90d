'use client';
import { Button, Checkbox, Flex, Form, FormGroup, Input, Message, Panel, Radio } from '@bigcommerce/big-design';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError, useApi, useMe } from '@/lib/client/api';
import type { InventorySettings } from '@/lib/sync/inventory/save-inventory-settings';

type Draft = Record<'inventoryIntervalMinutes' | 'inventoryFullIntervalMinutes' | 'defaultStockBuffer' | 'stuckStateHours', string> & {
  inventorySyncEnabled: boolean;
  stockFigure: InventorySettings['stockFigure'];
};

function toDraft(s: InventorySettings): Draft {
  return {
    inventorySyncEnabled: s.inventorySyncEnabled,
    stockFigure: s.stockFigure,
    inventoryIntervalMinutes: String(s.inventoryIntervalMinutes),
    inventoryFullIntervalMinutes: String(s.inventoryFullIntervalMinutes),
    defaultStockBuffer: String(s.defaultStockBuffer),
    stuckStateHours: String(s.stuckStateHours),
  };
}

/** Inventory schedule, default buffer, which Whistl figure is free stock, stuck-state age. */
export function InventorySettingsPanel() {
  const { data: me } = useMe();
  const canRead = me?.role === 'ADMIN' || me?.role === 'OPS' || me?.role === 'CX';
  const canEdit = me?.role === 'ADMIN' || me?.role === 'OPS';
  const { data, mutate } = useApi<InventorySettings>(canRead ? '/api/inventory/settings' : null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    // Load the saved settings into the form once they arrive.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (data) setDraft(toDraft(data));
  }, [data]);

  if (!canRead || !draft) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setNotice(null);
    setFieldErrors({});
    try {
      await apiFetch('/api/inventory/settings', {
        method: 'PUT',
        body: JSON.stringify({
          inventorySyncEnabled: draft.inventorySyncEnabled,
          stockFigure: draft.stockFigure,
          inventoryIntervalMinutes: Number(draft.inventoryIntervalMinutes),
          inventoryFullIntervalMinutes: Number(draft.inventoryFullIntervalMinutes),
          defaultStockBuffer: Number(draft.defaultStockBuffer),
          stuckStateHours: Number(draft.stuckStateHours),
        }),
      });
      await mutate();
      setNotice({ type: 'success', text: 'Saved. The next sync uses these settings.' });
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details)) {
        const details = error.details as Array<{ field: string; message: string }>;
        setFieldErrors(Object.fromEntries(details.map((d) => [d.field, d.message])));
      }
      setNotice({ type: 'error', text: error instanceof ApiError ? error.message : 'The settings could not be saved' });
    } finally {
      setBusy(false);
    }
  }

  const number = (key: keyof Omit<Draft, 'inventorySyncEnabled' | 'stockFigure'>, label: string, description: string) => (
    <Input
      label={label}
      description={description}
      type="number"
      min={key === 'defaultStockBuffer' ? 0 : 1}
      value={draft[key]}
      disabled={!canEdit}
      error={fieldErrors[key]}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
    />
  );

  return (
    <Panel header="Inventory sync">
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" /> : null}
      <Form onSubmit={(event) => void save(event)}>
        <FormGroup>
          <Checkbox
            label="Push Whistl stock to the storefront"
            checked={draft.inventorySyncEnabled}
            disabled={!canEdit}
            onChange={(event) => setDraft({ ...draft, inventorySyncEnabled: event.target.checked })}
          />
        </FormGroup>
        <FormGroup>{number('inventoryIntervalMinutes', 'Sync every (minutes)', 'Reads the Whistl stock change feed. At least 1 minute.')}</FormGroup>
        <FormGroup>{number('inventoryFullIntervalMinutes', 'Full reconciliation every (minutes)', 'Reads all stock and the whole catalog, and reports SKUs on one side only.')}</FormGroup>
        <FormGroup>{number('defaultStockBuffer', 'Default safety buffer (units)', 'Held back from every SKU; a SKU can override it on the Inventory page.')}</FormGroup>
        <FormGroup>
          <Radio
            label="Level: available to sell (allocations already taken off)"
            checked={draft.stockFigure === 'LEVEL'}
            disabled={!canEdit}
            onChange={() => setDraft({ ...draft, stockFigure: 'LEVEL' })}
          />
          <Radio
            label="Total stock level: on hand"
            checked={draft.stockFigure === 'TOTAL_STOCK_LEVEL'}
            disabled={!canEdit}
            onChange={() => setDraft({ ...draft, stockFigure: 'TOTAL_STOCK_LEVEL' })}
          />
        </FormGroup>
        <FormGroup>{number('stuckStateHours', 'Stuck Whistl order age (hours)', 'An order held, queried, failed or on backorder this long becomes an exception.')}</FormGroup>
        {canEdit ? (
          <Flex justifyContent="flex-end">
            <Button type="submit" isLoading={busy}>
              Save inventory settings
            </Button>
          </Flex>
        ) : null}
      </Form>
    </Panel>
  );
}
