'use client';
import { Box, Flex, Panel, Select, Table, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { useApi } from '@/lib/client/api';
import type { AuditLogEntryView, AuditLogPage } from '@/lib/sync/panel/list-audit-log';
import { dateTime } from '../exceptions/labels';

const ACTION_LABELS: Record<string, string> = {
  'shipping-mapping.save': 'Shipping mapping',
  'team.set-role': 'Role changed',
  'export-settings.save': 'Order export settings',
  'smtp-settings.save': 'SMTP settings',
  'alert-channel.create': 'Alert channel added',
  'alert-channel.delete': 'Alert channel removed',
};

/** Settings > Audit log (admins): every settings, mapping, rule and role change, who made it, before and after. */
export function AuditLogPanel() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const [action, setAction] = useState('');
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize), ...(action ? { action } : {}) });
  const { data, error } = useApi<AuditLogPage>(`/api/audit-log?${query}`, { keepPreviousData: true });

  return (
    <Panel header="Audit log" description="Every change to settings, shipping mappings, SKU rules, alert channels and roles: who made it, when, and the value before and after.">
      <Flex justifyContent="flex-end" marginBottom="small">
        <Box style={{ minWidth: 260 }}>
          <Select
            aria-label="Filter by change"
            label="Show"
            value={action}
            options={[{ value: '', content: 'All changes' }, ...(data?.actions ?? []).map((a) => ({ value: a, content: ACTION_LABELS[a] ?? a }))]}
            onOptionChange={(value) => {
              setAction(value ?? '');
              setPage(1);
            }}
          />
        </Box>
      </Flex>
      {error ? <Text color="danger">{error.message}</Text> : null}
      {data && data.total === 0 ? <Text color="secondary60">No changes recorded yet.</Text> : null}
      {data && data.total > 0 ? (
        <Table
          columns={[
            { header: 'When', hash: 'when', render: (e: AuditLogEntryView) => dateTime(e.createdAt) },
            { header: 'Who', hash: 'who', render: (e: AuditLogEntryView) => e.actorEmail },
            { header: 'Change', hash: 'action', render: (e: AuditLogEntryView) => ACTION_LABELS[e.action] ?? e.action },
            { header: 'Before → after', hash: 'diff', render: (e: AuditLogEntryView) => <ChangeSummary before={e.before} after={e.after} /> },
          ]}
          items={data.entries}
          stickyHeader={false}
          pagination={{
            currentPage: page,
            itemsPerPage: pageSize,
            itemsPerPageOptions: [10, 25, 50],
            totalItems: data.total,
            onPageChange: setPage,
            onItemsPerPageChange: (size) => {
              setPageSize(size);
              setPage(1);
            },
          }}
        />
      ) : null}
    </Panel>
  );
}

/** The fields that changed, as "field: old → new"; whole values for a creation or removal. */
function ChangeSummary({ before, after }: { before: unknown; after: unknown }) {
  const lines = changes(before, after);
  return (
    <Box style={{ maxWidth: 520 }}>
      {lines.map((line) => (
        <Text key={line} marginBottom="none" style={{ wordBreak: 'break-word' }}>
          {line}
        </Text>
      ))}
    </Box>
  );
}

function changes(before: unknown, after: unknown): string[] {
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  if (!b && !a) return ['—'];
  if (!b) return a ? ['added', ...Object.entries(a).map(([k, v]) => `${k}: ${show(v)}`)] : [`added: ${show(after)}`];
  if (!a) return ['removed', ...Object.entries(b).map(([k, v]) => `${k}: ${show(v)}`)];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const lines = keys.filter((k) => show(b[k]) !== show(a[k])).map((k) => `${k}: ${show(b[k])} → ${show(a[k])}`);
  return lines.length ? lines : ['no visible change'];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
