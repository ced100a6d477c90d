'use client';
import { Button, Flex, Panel, Select, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { CourierServiceOption } from '@/lib/sync/panel/list-shipping-methods';

const NONE = '';

/** The optional explicit default: strict (hold) unless the merchant picks a service here. */
export function DefaultServicePanel({
  value,
  services,
  heldOrders,
  canEdit,
  busy,
  onSave,
}: {
  value: string | null;
  services: CourierServiceOption[];
  heldOrders: number;
  canEdit: boolean;
  busy: boolean;
  onSave(service: string | null): Promise<void>;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const current = draft ?? value ?? NONE;
  const changed = current !== (value ?? NONE);
  const options = [
    { value: NONE, content: 'No default: hold orders with an unmapped method' },
    ...services.map((s) => ({ value: s.name, content: s.active ? s.name : `${s.name} (inactive at Whistl)` })),
  ];
  return (
    <Panel
      header="Default courier service"
      description="Used for any unmapped method; leave empty to hold such orders. Without a default, no order is ever sent with a guessed service."
    >
      <Flex alignItems="flex-end" flexGap="1rem" flexWrap="wrap">
        <div style={{ minWidth: 420 }}>
          <Select
            label="Default for unmapped methods"
            value={current}
            options={options}
            disabled={!canEdit || services.length === 0}
            onOptionChange={(next) => setDraft(next ?? NONE)}
          />
        </div>
        {canEdit ? (
          <Button
            disabled={!changed || busy}
            isLoading={busy}
            onClick={() => void onSave(current === NONE ? null : current).then(() => setDraft(null))}
          >
            Save default
          </Button>
        ) : null}
      </Flex>
      {value === null && heldOrders > 0 ? (
        <Text color="secondary60" marginTop="small" marginBottom="none">
          {heldOrders} order{heldOrders === 1 ? ' is' : 's are'} held on unmapped methods. Map each method below, or set a default to send them all with it.
        </Text>
      ) : null}
    </Panel>
  );
}
