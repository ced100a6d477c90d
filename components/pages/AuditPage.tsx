'use client';
import { Box, Button, Flex, Input, Message, Panel, ProgressBar, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { apiFetch, useApi, useMe } from '@/lib/client/api';
import { currentSessionToken } from '@/lib/client/session-token';
import type { AuditPhase, AuditView } from '@/lib/sync/audit/types';
import { AuditReportView } from '../audit/AuditReportView';
import { dateTime, errorText } from '../exceptions/labels';
import { PageHeader } from '../panel/PageHeader';

const PHASES: Record<AuditPhase, string> = {
  whistl: "Reading Whistl's products and stock",
  orders: 'Checking orders',
  catalog: 'Checking the catalog',
  shipping: "Checking the store's shipping methods",
  settings: 'Checking stock buffers and settings',
};
const PHASE_ORDER: AuditPhase[] = ['whistl', 'orders', 'catalog', 'shipping', 'settings'];

/** Go-live audit: dry-runs every export rule on recent orders, the catalog and shipping methods. */
export function AuditPage() {
  const { data: me } = useMe();
  const router = useRouter();
  const canRun = me?.role === 'ADMIN' || me?.role === 'OPS';
  const [days, setDays] = useState('30');
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data, mutate } = useApi<{ audit: AuditView | null }>('/api/audit', {
    refreshInterval: (latest) => (latest?.audit?.status === 'RUNNING' ? 1000 : 0),
  });
  const audit = data?.audit ?? null;
  const running = audit?.status === 'RUNNING';
  const daysValue = Number(days);
  const daysValid = Number.isInteger(daysValue) && daysValue >= 1 && daysValue <= 365;

  async function start() {
    setStarting(true);
    setProblem(null);
    try {
      await mutate(await apiFetch<{ audit: AuditView | null }>('/api/audit', { method: 'POST', body: JSON.stringify({ days: daysValue }) }), { revalidate: false });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setStarting(false);
    }
  }

  async function downloadCsv(id: string) {
    setProblem(null);
    try {
      const token = currentSessionToken();
      const response = await fetch(`/api/audit/${id}/csv`, { headers: token ? { authorization: `Bearer ${token}` } : {}, cache: 'no-store' });
      if (!response.ok) throw new Error(`The CSV could not be made (HTTP ${response.status})`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'whistl-audit.csv';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(errorText(error));
    }
  }

  return (
    <>
      <PageHeader
        title="Go-live audit"
        description="Checks every export rule against your recent orders (any status), your whole catalog and every shipping method you offer, and lists what would stop orders reaching Whistl — with the fix for each. Nothing is sent to Whistl and nothing changes in BigCommerce."
      />
      {problem ? <Message type="error" messages={[{ text: problem }]} marginBottom="medium" /> : null}
      <Panel header="Run an audit">
        <Flex flexGap="1rem" alignItems="flex-end" flexWrap="wrap">
          <Box style={{ width: 200 }}>
            <Input
              label="Orders from the last (days)"
              type="number"
              min={1}
              max={365}
              value={days}
              onChange={(event) => setDays(event.target.value)}
              error={daysValid ? undefined : 'A whole number of days from 1 to 365'}
              disabled={!canRun}
            />
          </Box>
          {canRun ? (
            <Button onClick={() => void start()} disabled={running || starting || !daysValid} isLoading={starting}>
              {audit ? 'Run the audit again' : 'Run the audit'}
            </Button>
          ) : (
            <Text color="secondary60" marginBottom="none">
              Ops and admins can run the audit; you can read its report.
            </Text>
          )}
          {audit?.status === 'DONE' ? (
            <>
              <Button variant="secondary" onClick={() => void downloadCsv(audit.id)}>
                Download CSV
              </Button>
              <Button variant="subtle" type="button" onClick={() => router.push('/audit/print')}>
                Printable report
              </Button>
            </>
          ) : null}
        </Flex>
        <Text color="secondary60" marginTop="medium" marginBottom="none">
          Reading pages at low priority so live order sync always goes first: a large store can take a few minutes.
        </Text>
      </Panel>

      {!audit ? (
        <Panel header="No audit yet">
          <Text>Run the audit before go-live or ahead of peak to see what would break before it breaks.</Text>
        </Panel>
      ) : null}
      {audit && running ? <Progress audit={audit} /> : null}
      {audit?.status === 'FAILED' ? <Message type="error" header="The audit did not finish" messages={[{ text: audit.error ?? 'Unknown error' }]} marginBottom="medium" /> : null}
      {audit?.status === 'DONE' && audit.report ? <AuditReportView report={audit.report} /> : null}
      {audit && audit.finishedAt ? (
        <Text color="secondary60">
          Last audit {audit.status === 'DONE' ? 'finished' : 'stopped'} {dateTime(audit.finishedAt)}.
        </Text>
      ) : null}
    </>
  );
}

function Progress({ audit }: { audit: AuditView }) {
  const phase = audit.phase ?? 'whistl';
  const step = PHASE_ORDER.indexOf(phase);
  const withinPhase = phase === 'catalog' && audit.productsTotal ? audit.productsScanned / audit.productsTotal : 0;
  const percent = Math.min(99, Math.round(((step + withinPhase) / PHASE_ORDER.length) * 100));
  return (
    <Panel header="Audit running" description={`Step ${step + 1} of ${PHASE_ORDER.length}: ${PHASES[phase]}`}>
      <ProgressBar percent={percent} />
      <Text marginTop="small" marginBottom="none" data-testid="audit-progress">
        {audit.ordersScanned} orders checked · {audit.productsScanned}
        {audit.productsTotal ? ` of ${audit.productsTotal}` : ''} products checked · {audit.requests} requests so far
      </Text>
    </Panel>
  );
}
