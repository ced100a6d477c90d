'use client';
import { Message, Panel, ProgressCircle, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { apiFetch, useApi, useMe } from '@/lib/client/api';
import type { SaveDefaultResult } from '@/lib/sync/panel/save-default-courier-service';
import type { SaveMappingResult } from '@/lib/sync/panel/save-shipping-mapping';
import type { ShippingMethodsView, ShippingMethodView } from '@/lib/sync/panel/list-shipping-methods';
import { errorText } from '../exceptions/labels';
import { EmptyState } from '../panel/EmptyState';
import { PageHeader } from '../panel/PageHeader';
import { DefaultServicePanel } from '../shipping/DefaultServicePanel';
import { ShippingMethodsTable } from '../shipping/ShippingMethodsTable';

type Notice = { type: 'success' | 'error' | 'warning'; text: string; where: 'default' | 'methods' };

export function ShippingMappingsPage() {
  const { data: me } = useMe();
  const canEdit = me?.role === 'ADMIN' || me?.role === 'OPS';
  const canRead = canEdit || me?.role === 'CX';
  const { data, error, mutate } = useApi<ShippingMethodsView>(canRead ? '/api/shipping-mappings' : null, { revalidateOnFocus: false });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [savingId, setSavingId] = useState<string | null>(null);

  async function saveMapping(method: ShippingMethodView, courierService: string | null) {
    setSavingId(method.id);
    setNotice(null);
    try {
      const result = await apiFetch<SaveMappingResult>(`/api/shipping-mappings/${method.id}`, { method: 'PUT', body: JSON.stringify({ courierService }) });
      setNotice({
        type: 'success',
        where: 'methods',
        text: courierService
          ? `“${method.methodLabel}” now ships with ${courierService}. ${sentAgain(result.requeued)}`
          : `“${method.methodLabel}” is no longer mapped: new orders using it will be held.`,
      });
      await mutate();
    } catch (caught) {
      setNotice({ type: 'error', where: 'methods', text: errorText(caught) });
    } finally {
      setSavingId(null);
    }
  }

  async function saveDefault(courierService: string | null) {
    setSavingId('default');
    setNotice(null);
    try {
      const result = await apiFetch<SaveDefaultResult>('/api/shipping-mappings/default-service', { method: 'PUT', body: JSON.stringify({ courierService }) });
      setNotice({
        type: 'success',
        where: 'default',
        text: courierService
          ? `Unmapped methods now ship with ${courierService}. ${sentAgain(result.requeued)}`
          : 'No default: orders with an unmapped method will be held until the method is mapped.',
      });
      await mutate();
    } catch (caught) {
      setNotice({ type: 'error', where: 'default', text: errorText(caught) });
    } finally {
      setSavingId(null);
    }
  }

  const noticeFor = (where: Notice['where']) =>
    notice?.where === where ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null;

  const header = (
    <PageHeader
      title="Shipping mappings"
      description="Each checkout shipping method maps to exactly one Whistl courier service. Orders using an unmapped method are held, never sent with a guess."
    />
  );
  if (me && !canRead) {
    return (
      <>
        {header}
        <Panel header="Mappings">
          <Text>Only ops and customer service can see shipping mappings. Ask a store admin if you need access.</Text>
        </Panel>
      </>
    );
  }
  return (
    <>
      {header}
      {error ? <Message type="error" header="The mappings could not be loaded" messages={[{ text: error.message }]} marginBottom="medium" /> : null}
      {data?.warnings.length ? (
        <Message
          type="warning"
          header="Showing the mappings saved so far"
          messages={data.warnings.map((text) => ({ text }))}
          marginBottom="medium"
        />
      ) : null}
      {!data && !error ? <ProgressCircle size="large" /> : null}
      {data ? (
        <>
          {noticeFor('default')}
          <DefaultServicePanel
            key={data.defaultCourierService ?? 'none'}
            value={data.defaultCourierService}
            services={data.services}
            heldOrders={data.heldOrders}
            canEdit={canEdit}
            busy={savingId === 'default'}
            onSave={saveDefault}
          />
          {data.methods.length === 0 ? (
            <EmptyState
              header="Shipping methods"
              heading="No shipping methods known yet"
              message="Methods appear here once they can be read from your BigCommerce shipping zones, or once an order uses one."
            />
          ) : (
            <Panel
              header="Shipping methods"
              description={`${data.methods.filter((m) => !m.courierService).length} of ${data.methods.length} not mapped.${canEdit ? ' Saving a mapping sends the orders it was holding.' : ''}`}
            >
              {noticeFor('methods')}
              <ShippingMethodsTable
                methods={data.methods}
                services={data.services}
                defaultService={data.defaultCourierService}
                canEdit={canEdit}
                savingId={savingId}
                onSave={saveMapping}
              />
              {!canEdit ? (
                <Text color="secondary60" marginTop="medium" marginBottom="none">
                  Only ops and admins can change mappings.
                </Text>
              ) : null}
            </Panel>
          )}
        </>
      ) : null}
    </>
  );
}

function sentAgain(count: number): string {
  if (count === 0) return 'No orders were waiting on it.';
  return `${count} held order${count === 1 ? ' was' : 's were'} sent back to the export queue.`;
}
