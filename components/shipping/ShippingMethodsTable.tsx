'use client';
import { Badge, Button, Flex, Select, Table, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import type { CourierServiceOption, ShippingMethodView } from '@/lib/sync/panel/list-shipping-methods';

const UNMAPPED = '';
type Row = { id: string; method: ShippingMethodView };

/** Every method offered or seen, mapped or visibly unmapped, with a service picker per row. */
export function ShippingMethodsTable({
  methods,
  services,
  defaultService,
  canEdit,
  savingId,
  onSave,
}: {
  methods: ShippingMethodView[];
  services: CourierServiceOption[];
  defaultService: string | null;
  canEdit: boolean;
  savingId: string | null;
  /** Resolves once saved and reloaded (the row keeps the picked value until then). */
  onSave(method: ShippingMethodView, service: string | null): Promise<void>;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const rows = methods.map((method) => ({ id: method.id, method }));
  const options = [
    { value: UNMAPPED, content: 'Not mapped' },
    ...services.map((s) => ({ value: s.name, content: s.active ? s.name : `${s.name} (inactive at Whistl)` })),
  ];

  return (
    <Table<Row>
      keyField="id"
      itemName="shipping methods"
      items={rows}
      columns={[
        {
          header: 'Shipping method',
          hash: 'method',
          render: ({ method }) => (
            <Flex flexDirection="column" flexGap="0.25rem">
              <Text bold marginBottom="none">{method.methodLabel}</Text>
              <Flex flexGap="0.25rem" flexWrap="wrap">
                {method.offeredByStore ? <Badge label="Offered at checkout" variant="secondary" /> : null}
                {method.seenOnOrders ? <Badge label="Seen on orders" variant="secondary" /> : null}
                {!method.offeredByStore && !method.seenOnOrders ? <Badge label="No longer offered" variant="secondary" /> : null}
              </Flex>
              {method.zones.length > 0 ? (
                <Text color="secondary60" marginBottom="none">
                  Zones: {method.zones.join(', ')}
                </Text>
              ) : null}
            </Flex>
          ),
        },
        {
          header: 'Status',
          hash: 'status',
          width: 170,
          render: ({ method }) =>
            method.courierService ? (
              <Badge label="Mapped" variant="success" />
            ) : (
              <Flex flexDirection="column" flexGap="0.25rem" alignItems="flex-start">
                <Badge label="Unmapped" variant="danger" />
                <Text color="secondary60" marginBottom="none">
                  {method.heldOrders > 0
                    ? `${method.heldOrders} order${method.heldOrders === 1 ? '' : 's'} held`
                    : defaultService
                      ? `Uses the default (${defaultService})`
                      : 'No orders held'}
                </Text>
              </Flex>
            ),
        },
        {
          header: 'Whistl courier service',
          hash: 'service',
          width: 300,
          render: ({ method }) => {
            const saved = method.courierService ?? UNMAPPED;
            const current = drafts[method.id] ?? saved;
            if (!canEdit || services.length === 0) {
              return <Text marginBottom="none">{method.courierService ?? '—'}</Text>;
            }
            return (
              <Flex alignItems="center" flexGap="0.5rem">
                <div style={{ minWidth: 180 }}>
                  <Select
                    aria-label={`Whistl service for ${method.methodLabel}`}
                    value={current}
                    options={options}
                    onOptionChange={(value) => setDrafts((d) => ({ ...d, [method.id]: value ?? UNMAPPED }))}
                  />
                </div>
                <Button
                  variant="secondary"
                  disabled={current === saved || savingId !== null}
                  isLoading={savingId === method.id}
                  onClick={() =>
                    void onSave(method, current === UNMAPPED ? null : current).then(() =>
                      setDrafts((d) => {
                        const next = { ...d };
                        delete next[method.id];
                        return next;
                      }),
                    )
                  }
                >
                  Save
                </Button>
              </Flex>
            );
          },
        },
      ]}
    />
  );
}
