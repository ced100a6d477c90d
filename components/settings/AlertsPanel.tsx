'use client';
import { Badge, Box, Button, Flex, Form, H3, Input, Message, Panel, Radio, Select, Table, Text } from '@bigcommerce/big-design';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError, useApi } from '@/lib/client/api';
import type { OwnerTeam } from '@/lib/generated/prisma/enums';
import type { AlertChannelView } from '@/lib/sync/alerts/channels';
import type { AlertDeliveryView } from '@/lib/sync/alerts/list-deliveries';
import type { TestAlertResult } from '@/lib/sync/alerts/send-test-alert';
import type { SmtpSettingsView } from '@/lib/sync/alerts/smtp-settings';
import { dateTime, errorText, OWNER_LABELS } from '../exceptions/labels';

type Notice = { type: 'success' | 'error' | 'warning'; text: string };

const TEAM_OPTIONS: Array<{ value: OwnerTeam; content: string }> = (['OPS', 'CX', 'MERCHANDISING', 'FINANCE'] as const).map((team) => ({ value: team, content: OWNER_LABELS[team] }));

const URGENCY_LABELS: Record<string, string> = { IMMEDIATE: 'Immediate', DIGEST: 'Digest', TEST: 'Test' };

/**
 * Settings > Alerts: where each owner team's alerts go (Slack-compatible webhook or email), the
 * SMTP server for email, a test button, and every recent delivery with failures spelled out.
 * Admins edit; ops see the channels and deliveries and may send a test.
 */
export function AlertsPanel({ canEdit }: { canEdit: boolean }) {
  const channels = useApi<{ channels: AlertChannelView[] }>('/api/alerts/channels');
  const deliveries = useApi<{ deliveries: AlertDeliveryView[]; failedLastDay: number }>('/api/alerts/deliveries', { refreshInterval: 30_000 });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [testing, setTesting] = useState<string | null>(null);

  async function test(channelId?: string) {
    setTesting(channelId ?? 'all');
    setNotice(null);
    try {
      const { results } = await apiFetch<{ results: TestAlertResult[] }>('/api/alerts/test', { method: 'POST', body: JSON.stringify(channelId ? { channelId } : {}) });
      const failed = results.filter((r) => !r.ok);
      if (results.length === 0) setNotice({ type: 'warning', text: 'There is no enabled channel to test: add one first.' });
      else if (failed.length === 0) setNotice({ type: 'success', text: `Test alert sent to ${results.map((r) => r.label).join(', ')}. Check it arrived.` });
      else setNotice({ type: 'error', text: failed.map((r) => `${r.label}: ${r.error ?? 'failed'}`).join(' · ') });
      await deliveries.mutate();
    } catch (error) {
      setNotice({ type: 'error', text: errorText(error) });
    } finally {
      setTesting(null);
    }
  }

  async function remove(channel: AlertChannelView) {
    setNotice(null);
    try {
      await apiFetch(`/api/alerts/channels/${channel.id}`, { method: 'DELETE' });
      await channels.mutate();
      setNotice({ type: 'success', text: `Removed ${channel.label}.` });
    } catch (error) {
      setNotice({ type: 'error', text: errorText(error) });
    }
  }

  const list = channels.data?.channels ?? [];
  const failedLastDay = deliveries.data?.failedLastDay ?? 0;

  return (
    <Panel
      header="Alerts"
      description="Failed exports, failed write-backs, a stopped sync and orders at risk before the collection cutoff are sent at once; other exceptions arrive in one hourly digest per team. A team without a channel gets its alerts on the ops channels."
    >
      {failedLastDay > 0 ? (
        <Message
          type="error"
          header={`${failedLastDay} alert${failedLastDay === 1 ? '' : 's'} could not be delivered in the last 24 hours`}
          messages={[{ text: 'See the reason in “Recent alerts” below, fix the channel or the SMTP settings, then send a test alert.' }]}
          marginBottom="medium"
        />
      ) : null}
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}

      <H3>Channels</H3>
      {list.length === 0 ? (
        <Text color="secondary60">No alert channels yet: nobody is told when orders stop moving.{canEdit ? ' Add one below.' : ' Ask an admin to add one.'}</Text>
      ) : (
        <Table
          columns={[
            { header: 'Team', hash: 'team', render: (c: AlertChannelView) => OWNER_LABELS[c.ownerTeam] },
            { header: 'Kind', hash: 'kind', render: (c: AlertChannelView) => <Badge label={c.kind === 'SLACK' ? 'Slack webhook' : 'Email'} variant="secondary" /> },
            { header: 'Sends to', hash: 'label', render: (c: AlertChannelView) => c.label },
            {
              header: 'Actions',
              hash: 'actions',
              align: 'right',
              render: (c: AlertChannelView) => (
                <Flex flexGap="0.5rem" justifyContent="flex-end">
                  <Button variant="secondary" isLoading={testing === c.id} disabled={testing !== null} onClick={() => void test(c.id)}>
                    Send test alert
                  </Button>
                  {canEdit ? (
                    <Button variant="subtle" actionType="destructive" onClick={() => void remove(c)}>
                      Remove
                    </Button>
                  ) : null}
                </Flex>
              ),
            },
          ]}
          items={list}
          stickyHeader={false}
        />
      )}
      {canEdit ? <AddChannelForm onAdded={(label) => void channels.mutate().then(() => setNotice({ type: 'success', text: `Added ${label}. Send a test alert to check it.` }))} /> : null}

      <SmtpForm canEdit={canEdit} />

      <Flex justifyContent="space-between" alignItems="center" marginTop="xLarge">
        <H3 marginBottom="none">Recent alerts</H3>
        <Button variant="secondary" isLoading={testing === 'all'} disabled={testing !== null || list.length === 0} onClick={() => void test()}>
          Send test alert to every channel
        </Button>
      </Flex>
      {deliveries.data && deliveries.data.deliveries.length > 0 ? (
        <Table
          columns={[
            { header: 'When', hash: 'when', render: (d: AlertDeliveryView) => dateTime(d.createdAt) },
            { header: 'Channel', hash: 'channel', render: (d: AlertDeliveryView) => d.channel ?? 'removed channel' },
            { header: 'Kind', hash: 'urgency', render: (d: AlertDeliveryView) => URGENCY_LABELS[d.urgency] ?? d.urgency },
            { header: 'Alert', hash: 'subject', render: (d: AlertDeliveryView) => d.subject },
            {
              header: 'Result',
              hash: 'status',
              render: (d: AlertDeliveryView) =>
                d.status === 'SENT' ? (
                  <Badge label="Sent" variant="success" />
                ) : (
                  <Box>
                    <Badge label="Failed" variant="danger" />
                    <Text color="danger" marginBottom="none">
                      {d.error}
                    </Text>
                  </Box>
                ),
            },
          ]}
          items={deliveries.data.deliveries}
          stickyHeader={false}
        />
      ) : (
        <Text color="secondary60" marginTop="small">
          No alerts sent yet.
        </Text>
      )}
    </Panel>
  );
}

function AddChannelForm({ onAdded }: { onAdded(label: string): void }) {
  const [team, setTeam] = useState<OwnerTeam>('OPS');
  const [kind, setKind] = useState<'SLACK' | 'EMAIL'>('SLACK');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = kind === 'SLACK' ? { kind, ownerTeam: team, url: target.trim() } : { kind, ownerTeam: team, email: target.trim() };
      const { channel } = await apiFetch<{ channel: AlertChannelView }>('/api/alerts/channels', { method: 'POST', body: JSON.stringify(body) });
      setTarget('');
      onAdded(channel.label);
    } catch (err) {
      const details = err instanceof ApiError && Array.isArray(err.details) ? (err.details as Array<{ message: string }>).map((d) => d.message).join('; ') : '';
      setError(details || errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box border="box" borderRadius="normal" padding="medium" marginTop="medium">
      <Text color="secondary60">
        Add a channel: a Slack-compatible incoming webhook (kept encrypted and never shown again; only its host is listed) or an email address (needs the SMTP server below).
      </Text>
      <Form onSubmit={add} fullWidth>
        <Flex flexGap="1rem" flexWrap="wrap" alignItems="flex-end">
          <Box style={{ minWidth: 200 }}>
            <Select label="Team" value={team} options={TEAM_OPTIONS} onOptionChange={(value) => value && setTeam(value)} />
          </Box>
          <Box role="radiogroup" aria-label="Send by" style={{ paddingBottom: 8 }}>
            <Text bold marginBottom="xSmall">
              Send by
            </Text>
            <Flex flexGap="1rem">
              <Radio label="Slack webhook" checked={kind === 'SLACK'} onChange={() => setKind('SLACK')} />
              <Radio label="Email" checked={kind === 'EMAIL'} onChange={() => setKind('EMAIL')} />
            </Flex>
          </Box>
          <Box style={{ flex: 1, minWidth: 280 }}>
            <Input
              label={kind === 'SLACK' ? 'Incoming webhook URL' : 'Email address'}
              type={kind === 'SLACK' ? 'password' : 'email'}
              autoComplete="off"
              placeholder={kind === 'SLACK' ? 'https://hooks.slack.com/services/…' : 'ops@example.com'}
              value={target}
              error={error ?? undefined}
              onChange={(e) => setTarget(e.target.value)}
              required
            />
          </Box>
          <Button type="submit" isLoading={busy}>
            Add channel
          </Button>
        </Flex>
      </Form>
    </Box>
  );
}

function SmtpForm({ canEdit }: { canEdit: boolean }) {
  const { data, mutate } = useApi<{ smtp: SmtpSettingsView }>('/api/alerts/smtp');
  const saved = data?.smtp;
  const [host, setHost] = useState('');
  const [port, setPort] = useState('587');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [from, setFrom] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!saved) return;
    // Load the saved settings into the form once they arrive.
    /* eslint-disable react-hooks/set-state-in-effect */
    setHost(saved.host ?? '');
    setPort(String(saved.port ?? 587));
    setUser(saved.user ?? '');
    setFrom(saved.from ?? '');
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [saved]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    setFieldErrors({});
    try {
      await apiFetch('/api/alerts/smtp', { method: 'PUT', body: JSON.stringify({ host, port: Number(port), user, password: password || undefined, from }) });
      setPassword('');
      await mutate();
      setNotice({ type: 'success', text: 'SMTP settings saved. Send a test alert to an email channel to check them.' });
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details)) {
        setFieldErrors(Object.fromEntries((error.details as Array<{ field: string; message: string }>).map((d) => [d.field, d.message])));
      }
      setNotice({ type: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Box marginTop="xLarge">
      <H3>Email (SMTP)</H3>
      <Text color="secondary60">The mail server email alerts are sent through. The password is encrypted and never shown again.</Text>
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      <Form onSubmit={save} fullWidth>
        <Flex flexGap="1rem" flexWrap="wrap" marginBottom="medium">
          <Box style={{ flex: 2, minWidth: 220 }}>
            <Input label="SMTP server" value={host} onChange={(e) => setHost(e.target.value)} disabled={!canEdit} placeholder="smtp.example.com" error={fieldErrors.host} required />
          </Box>
          <Box style={{ width: 120 }}>
            <Input label="SMTP port" type="number" value={port} onChange={(e) => setPort(e.target.value)} disabled={!canEdit} error={fieldErrors.port} required />
          </Box>
          <Box style={{ flex: 2, minWidth: 220 }}>
            <Input label="Sender address" type="email" value={from} onChange={(e) => setFrom(e.target.value)} disabled={!canEdit} placeholder="alerts@example.com" error={fieldErrors.from} required />
          </Box>
        </Flex>
        <Flex flexGap="1rem" flexWrap="wrap" marginBottom="medium">
          <Box style={{ flex: 1, minWidth: 220 }}>
            <Input label="Username" value={user} onChange={(e) => setUser(e.target.value)} disabled={!canEdit} autoComplete="off" error={fieldErrors.user} />
          </Box>
          <Box style={{ flex: 1, minWidth: 220 }}>
            <Input
              label="Password"
              type="password"
              value={password}
              placeholder={saved?.hasPassword ? 'Saved: leave empty to keep it' : ''}
              onChange={(e) => setPassword(e.target.value)}
              disabled={!canEdit}
              autoComplete="new-password"
            />
          </Box>
        </Flex>
        {canEdit ? (
          <Button type="submit" isLoading={busy}>
            Save SMTP settings
          </Button>
        ) : (
          <Text color="secondary60">Only admins can change alert settings.</Text>
        )}
      </Form>
    </Box>
  );
}
