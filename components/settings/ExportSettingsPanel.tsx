'use client';
import { Button, Checkbox, Flex, Form, FormGroup, Input, Message, Panel, Select, Small, Text } from '@bigcommerce/big-design';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError, useApi } from '@/lib/client/api';
import { EXCEPTION_TYPE_LABELS, OWNER_LABELS } from '../exceptions/labels';
import type { ExceptionType, OwnerTeam } from '@/lib/generated/prisma/enums';

interface ExportSettingsView {
  exportStatusIds: number[];
  holdMinutes: number;
  orderNumberFormat: string;
  exceptionOwners: Partial<Record<ExceptionType, OwnerTeam>>;
  statuses: Array<{ id: number; name: string; allowed: boolean }>;
  owners: Record<ExceptionType, OwnerTeam>;
}

const TEAMS = Object.keys(OWNER_LABELS) as OwnerTeam[];

export function ExportSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const { data, mutate } = useApi<ExportSettingsView>('/api/settings/export');
  const [statusIds, setStatusIds] = useState<number[]>([]);
  const [holdMinutes, setHoldMinutes] = useState('0');
  const [format, setFormat] = useState('{orderId}');
  const [owners, setOwners] = useState<Partial<Record<ExceptionType, OwnerTeam>>>({});
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data) return;
    /* eslint-disable react-hooks/set-state-in-effect */
    setStatusIds(data.exportStatusIds);
    setHoldMinutes(String(data.holdMinutes));
    setFormat(data.orderNumberFormat);
    setOwners(data.owners);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      await apiFetch('/api/settings/export', {
        method: 'PUT',
        body: JSON.stringify({ exportStatusIds: statusIds, holdMinutes: Number(holdMinutes), orderNumberFormat: format, exceptionOwners: owners }),
      });
      await mutate();
      setNotice({ type: 'success', text: 'Order export settings saved.' });
    } catch (error) {
      const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as Array<{ message: string }>).map((d) => d.message).join('; ') : '';
      setNotice({ type: 'error', text: `${error instanceof Error ? error.message : String(error)}${details ? `: ${details}` : ''}` });
    } finally {
      setBusy(false);
    }
  }

  if (!data) return null;
  return (
    <Panel header="Order export" description="Which orders go to Whistl, when, under what number, and who fixes what cannot go.">
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      <Form onSubmit={save} fullWidth>
        <FormGroup>
          <Flex flexDirection="column">
            <Text bold marginBottom="xSmall">Send orders when they reach</Text>
            <Flex flexWrap="wrap" flexGap="0.5rem 1.5rem">
              {data.statuses
                .filter((s) => s.allowed)
                .map((status) => (
                  <Checkbox
                    key={status.id}
                    label={status.name}
                    checked={statusIds.includes(status.id)}
                    disabled={!canEdit}
                    onChange={(e) => setStatusIds((ids) => (e.target.checked ? [...ids, status.id] : ids.filter((id) => id !== status.id)))}
                  />
                ))}
            </Flex>
            <Small>Unpaid, cancelled, refunded and finished statuses never send orders.</Small>
          </Flex>
        </FormGroup>
        <FormGroup>
          <Input
            label="Hold window (minutes)"
            description="Wait this long after an order is placed before sending it (fraud checks, quick edits). 0 sends at once."
            type="number"
            min={0}
            value={holdMinutes}
            disabled={!canEdit}
            onChange={(e) => setHoldMinutes(e.target.value)}
          />
          <Input
            label="Whistl order number"
            description="{orderId} is the BigCommerce order id; {storeHash} your store hash. Orders to two addresses get -1, -2."
            value={format}
            disabled={!canEdit}
            onChange={(e) => setFormat(e.target.value)}
          />
        </FormGroup>
        <Text bold marginBottom="xSmall">Who owns each kind of exception</Text>
        <Flex flexWrap="wrap" flexGap="0.75rem 1.5rem" marginBottom="medium">
          {(Object.keys(EXCEPTION_TYPE_LABELS) as ExceptionType[]).map((type) => (
            <div key={type} style={{ width: 260 }}>
              <Select
                label={EXCEPTION_TYPE_LABELS[type]}
                value={owners[type]}
                disabled={!canEdit}
                options={TEAMS.map((team) => ({ value: team, content: OWNER_LABELS[team] }))}
                onOptionChange={(team) => team && setOwners((current) => ({ ...current, [type]: team }))}
              />
            </div>
          ))}
        </Flex>
        {canEdit ? (
          <Button type="submit" isLoading={busy}>
            Save export settings
          </Button>
        ) : (
          <Text color="secondary60">Only admins can change these.</Text>
        )}
      </Form>
    </Panel>
  );
}
