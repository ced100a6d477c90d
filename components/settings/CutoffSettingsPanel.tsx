'use client';
import { Button, Flex, Form, FormGroup, Input, Message, Panel, Small, Text } from '@bigcommerce/big-design';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError, useApi } from '@/lib/client/api';
import type { CutoffSettingsView } from '@/lib/sync/cutoff/cutoff-settings';
import { storeClock, storeDate } from '../dashboard/format';

const SUGGESTED_ZONES = ['Europe/London', 'Europe/Dublin', 'Europe/Paris', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'UTC'];

/** Settings: the last parcel collection of the day and the store's time zone. */
export function CutoffSettingsPanel({ canEdit }: { canEdit: boolean }) {
  const { data, mutate } = useApi<CutoffSettingsView>('/api/settings/cutoff');
  const [cutoffTime, setCutoffTime] = useState('');
  const [timeZone, setTimeZone] = useState('Europe/London');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!data) return;
    /* eslint-disable react-hooks/set-state-in-effect */
    setCutoffTime(data.cutoffTime ?? '');
    setTimeZone(data.timeZone);
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [data]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    setFieldErrors({});
    try {
      await apiFetch('/api/settings/cutoff', { method: 'PUT', body: JSON.stringify({ cutoffTime: cutoffTime.trim() || null, timeZone: timeZone.trim() }) });
      await mutate();
      setNotice({ type: 'success', text: cutoffTime.trim() ? 'Collection time saved: the dashboard counts down to it.' : 'Collection time cleared.' });
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details)) {
        setFieldErrors(Object.fromEntries((error.details as Array<{ field: string; message: string }>).map((d) => [d.field, d.message])));
      }
      setNotice({ type: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  if (!data) return null;
  return (
    <div id="cutoff">
      <Panel header="Dispatch cutoff" description="The warehouse's last parcel collection of the day. The dashboard counts down to it and lists the orders that would miss it.">
        {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
        <Form onSubmit={save} fullWidth>
          <FormGroup>
            <Input
              label="Last collection time"
              description="24-hour HH:MM in the store's time zone, e.g. 15:30. Leave empty for no cutoff."
              placeholder="15:30"
              maxLength={5}
              inputMode="numeric"
              value={cutoffTime}
              onChange={(e) => setCutoffTime(e.target.value)}
              disabled={!canEdit}
              error={fieldErrors.cutoffTime}
            />
          </FormGroup>
          <FormGroup>
            <Input
              label="Store time zone"
              description={`Sets "today" for the dashboard, the cutoff and finance reconciliation. E.g. ${SUGGESTED_ZONES.join(', ')}.`}
              value={timeZone}
              list="cutoff-time-zones"
              onChange={(e) => setTimeZone(e.target.value)}
              disabled={!canEdit}
              error={fieldErrors.timeZone}
            />
            <datalist id="cutoff-time-zones">
              {SUGGESTED_ZONES.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </FormGroup>
          {data.nextCutoffAt ? (
            <Small marginBottom="medium">
              Next collection: {storeClock(data.nextCutoffAt, data.timeZone)} on {storeDate(data.nextCutoffAt, data.timeZone)} ({data.timeZone}).
            </Small>
          ) : null}
          <Flex flexGap="0.75rem">
            {canEdit ? (
              <Button type="submit" isLoading={busy} disabled={busy}>
                Save
              </Button>
            ) : null}
          </Flex>
          {!canEdit ? <Text color="secondary60">Only admins and ops can change the collection time.</Text> : null}
        </Form>
      </Panel>
    </div>
  );
}
