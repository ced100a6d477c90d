'use client';
import { Button, Flex, Form, FormGroup, Input, Message, Panel, Radio, Text } from '@bigcommerce/big-design';
import { useEffect, useState, type FormEvent } from 'react';
import { apiFetch, ApiError, useApi, useMe } from '@/lib/client/api';
import type { ConnectionTestResult as TestResult, WhistlConnectionView as ConnectionView } from '@/lib/stores/whistl-connection';
import { PageHeader } from '../panel/PageHeader';
import { InventorySettingsPanel } from '../settings/InventorySettingsPanel';
import { CutoffSettingsPanel } from '../settings/CutoffSettingsPanel';
import { ExportSettingsPanel } from '../settings/ExportSettingsPanel';
import { TeamPanel } from '../settings/TeamPanel';
import { AlertsPanel } from '../settings/AlertsPanel';
import { AuditLogPanel } from '../settings/AuditLogPanel';


type Notice = { type: 'success' | 'error' | 'warning'; text: string };

export function SettingsPage() {
  const { data: me } = useMe();
  const canSee = me?.role === 'ADMIN' || me?.role === 'OPS';
  return (
    <>
      <PageHeader title="Settings" description="How this store reaches Whistl." />
      {canSee ? (
        <WhistlConnectionPanel canEdit={me?.role === 'ADMIN'} />
      ) : (
        <Panel header="Whistl connection">
          <Text>Only admins and ops can see the Whistl connection. Ask a store admin if you need access.</Text>
        </Panel>
      )}
      {me ? <ExportSettingsPanel canEdit={me.role === 'ADMIN'} /> : null}
      {me?.role === 'ADMIN' ? <TeamPanel /> : null}
      {me?.role === 'ADMIN' || me?.role === 'OPS' ? <AlertsPanel canEdit={me.role === 'ADMIN'} /> : null}
      {me?.role === 'ADMIN' ? <AuditLogPanel /> : null}
      <InventorySettingsPanel />
      {me ? <CutoffSettingsPanel canEdit={me.role === 'ADMIN' || me.role === 'OPS'} /> : null}
    </>
  );
}

function WhistlConnectionPanel({ canEdit }: { canEdit: boolean }) {
  const { data, mutate } = useApi<{ connection: ConnectionView | null }>('/api/settings/whistl');
  const saved = data?.connection ?? null;
  const [baseUrl, setBaseUrl] = useState('https://api.mintsoft.co.uk');
  const [authMode, setAuthMode] = useState<'password' | 'apiKey'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [warehouseId, setWarehouseId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [warehouses, setWarehouses] = useState<TestResult['warehouses']>([]);

  useEffect(() => {
    if (!saved) return;
    // Load the saved connection into the form once it arrives.
    /* eslint-disable react-hooks/set-state-in-effect */
    setBaseUrl(saved.baseUrl);
    setAuthMode(saved.authMode);
    setUsername(saved.username ?? '');
    setWarehouseId(saved.warehouseId ?? '');
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [saved]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy('save');
    setNotice(null);
    setFieldErrors({});
    try {
      await apiFetch('/api/settings/whistl', {
        method: 'PUT',
        body: JSON.stringify({ baseUrl, authMode, username, password: password || undefined, apiKey: apiKey || undefined, warehouseId }),
      });
      setPassword('');
      setApiKey('');
      await mutate();
      setNotice({ type: 'success', text: 'Saved. Use “Test connection” to check it works.' });
    } catch (error) {
      if (error instanceof ApiError && Array.isArray(error.details)) {
        setFieldErrors(Object.fromEntries((error.details as Array<{ field: string; message: string }>).map((d) => [d.field, d.message])));
      }
      setNotice({ type: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  async function test() {
    setBusy('test');
    setNotice(null);
    try {
      const result = await apiFetch<TestResult>('/api/settings/whistl/test', { method: 'POST' });
      setWarehouses(result.warehouses);
      setNotice({ type: result.ok ? 'success' : result.warehouses.length ? 'warning' : 'error', text: result.detail });
      await mutate();
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Panel
      header="Whistl connection"
      description="Whistl's fulfilment sites run on the Mintsoft API. Credentials are encrypted and never shown again after saving."
    >
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      {saved?.lastTest && !notice ? (
        <Message
          type={saved.lastTest.ok ? 'success' : 'warning'}
          header={`Last test ${new Date(saved.lastTest.at).toLocaleString('en-GB')}`}
          messages={[{ text: saved.lastTest.detail }]}
          marginBottom="medium"
        />
      ) : null}
      <Form onSubmit={save} fullWidth>
        <FormGroup>
          <Input label="API base URL" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required disabled={!canEdit} error={fieldErrors.baseUrl} />
        </FormGroup>
        <FormGroup>
          <Radio label="Username and password" checked={authMode === 'password'} onChange={() => setAuthMode('password')} disabled={!canEdit} />
          <Radio label="API key that never expires" checked={authMode === 'apiKey'} onChange={() => setAuthMode('apiKey')} disabled={!canEdit} />
        </FormGroup>
        {authMode === 'password' ? (
          <FormGroup>
            <Input label="Username" value={username} onChange={(e) => setUsername(e.target.value)} disabled={!canEdit} autoComplete="off" />
            <Input
              label="Password"
              type="password"
              value={password}
              placeholder={saved?.hasPassword ? 'Saved: leave empty to keep it' : ''}
              onChange={(e) => setPassword(e.target.value)}
              disabled={!canEdit}
              autoComplete="new-password"
            />
          </FormGroup>
        ) : (
          <FormGroup>
            <Input
              label="API key"
              type="password"
              value={apiKey}
              placeholder={saved?.hasApiKey ? 'Saved: leave empty to keep it' : ''}
              onChange={(e) => setApiKey(e.target.value)}
              disabled={!canEdit}
              autoComplete="off"
            />
          </FormGroup>
        )}
        <FormGroup>
          <Input
            label="Warehouse id"
            description={warehouses.length ? `This account's warehouses: ${warehouses.map((w) => `${w.id} (${w.name})`).join(', ')}` : 'Test the connection to list this account’s warehouses.'}
            value={warehouseId}
            onChange={(e) => setWarehouseId(e.target.value)}
            disabled={!canEdit}
            error={fieldErrors.warehouseId}
          />
        </FormGroup>
        <Flex flexGap="0.75rem">
          {canEdit ? (
            <Button type="submit" isLoading={busy === 'save'} disabled={busy !== null}>
              Save
            </Button>
          ) : null}
          <Button type="button" variant="secondary" isLoading={busy === 'test'} disabled={busy !== null || !saved} onClick={() => void test()}>
            Test connection
          </Button>
        </Flex>
        {!canEdit ? <Text color="secondary60" marginTop="medium">Only admins can change the connection.</Text> : null}
      </Form>
    </Panel>
  );
}
