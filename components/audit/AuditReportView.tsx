'use client';
import { Badge, Box, Flex, H3, Panel, Table, Text } from '@bigcommerce/big-design';
import type { AuditFinding, AuditItem, AuditReport } from '@/lib/sync/audit/types';
import { PanelLink } from '../exceptions/PanelLink';
import { dateTime } from '../exceptions/labels';

const SEVERITY: Record<AuditFinding['severity'], { label: string; variant: 'danger' | 'warning' | 'secondary' }> = {
  blocking: { label: 'Blocks orders', variant: 'danger' },
  risk: { label: 'Stock risk', variant: 'warning' },
  setting: { label: 'Setting', variant: 'secondary' },
};

export function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

function signed(value: number, unit = ''): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value)}${unit}`;
}

/** The whole report: headline figures, then one panel per finding (printable as is). */
export function AuditReportView({ report, printable = false }: { report: AuditReport; printable?: boolean }) {
  const { orders } = report;
  const shareDelta = report.previous && report.previous.cleanShare !== null && orders.cleanShare !== null ? orders.cleanShare - report.previous.cleanShare : null;
  const blocking = report.findings.filter((f) => f.severity === 'blocking');
  const other = report.findings.filter((f) => f.severity !== 'blocking');
  return (
    <>
      <Panel header="Summary" description={`Orders created since ${dateTime(report.since)} (the last ${report.days} days), in any status; report made ${dateTime(report.generatedAt)}.`}>
        <Flex flexGap="2rem" flexWrap="wrap">
          <Figure label="Would have exported cleanly" value={percent(orders.cleanShare)} note={shareDelta === null ? undefined : `${signed(Math.round(shareDelta * 1000) / 10, ' pts')} since the last audit`} testId="audit-clean-share" />
          <Figure label="Orders checked" value={String(orders.total)} />
          <Figure label="Clean" value={String(orders.clean)} />
          <Figure label="Blocked" value={String(orders.blocked)} />
          <Figure label="Nothing to ship" value={String(orders.nothingToShip)} />
          <Figure label="Catalog variants" value={String(report.catalog.variants)} />
          <Figure label="Shipping methods offered" value={`${report.shippingMethods.offered} (${report.shippingMethods.unmapped} unmapped)`} />
        </Flex>
        <Text color="secondary60" marginTop="medium" marginBottom="none">
          Made {report.requests.bigcommerce} requests to BigCommerce (at low priority, after live sync) and {report.requests.whistl} to Whistl. Nothing was sent to Whistl and nothing was changed in BigCommerce.
        </Text>
        {report.previous && report.previous.resolved.length > 0 ? (
          <Text marginTop="small" marginBottom="none">
            Fixed since the last audit: {report.previous.resolved.map((r) => r.title).join('; ')}.
          </Text>
        ) : null}
      </Panel>
      {report.findings.length === 0 ? (
        <Panel header="No problems found">
          <Text>Every order in the period would have gone to Whistl, and the catalog, shipping methods and settings look ready.</Text>
        </Panel>
      ) : null}
      {blocking.length > 0 ? <H3>What would block orders</H3> : null}
      {blocking.map((finding) => (
        <FindingPanel key={finding.id} finding={finding} printable={printable} />
      ))}
      {other.length > 0 ? <H3>Risks and settings</H3> : null}
      {other.map((finding) => (
        <FindingPanel key={finding.id} finding={finding} printable={printable} />
      ))}
    </>
  );
}

function Figure({ label, value, note, testId }: { label: string; value: string; note?: string; testId?: string }) {
  return (
    <Box>
      <Text color="secondary60" marginBottom="none">
        {label}
      </Text>
      <Text bold marginBottom="none" style={{ fontSize: '1.5rem' }} data-testid={testId}>
        {value}
      </Text>
      {note ? (
        <Text color="secondary60" marginBottom="none">
          {note}
        </Text>
      ) : null}
    </Box>
  );
}

function FindingPanel({ finding, printable }: { finding: AuditFinding; printable: boolean }) {
  const severity = SEVERITY[finding.severity];
  const skuLike = finding.items.some((i) => i.units > 0);
  const withExamples = finding.orders !== null || finding.items.some((i) => i.examples.length > 0);
  const codeLike = finding.id.startsWith('sku-policy') || finding.id.startsWith('sku-missing') || finding.id.startsWith('stock-');
  const items = printable ? finding.items.slice(0, 25) : finding.items.slice(0, 10);
  const description = `${finding.count} ${finding.count === 1 ? 'item' : 'items'}${finding.orders !== null ? ` · ${finding.orders} order${finding.orders === 1 ? '' : 's'} affected` : ''}`;
  return (
    <section data-testid={`finding-${finding.id}`} style={{ breakInside: 'avoid' }}>
      <Panel header={finding.title} description={description}>
        <Flex flexGap="0.5rem" alignItems="center" flexWrap="wrap" marginBottom="small">
          <Badge label={severity.label} variant={severity.variant} />
          {finding.delta ? <Badge label={`${signed(finding.delta.count)} since last audit`} variant={finding.delta.count > 0 ? 'warning' : finding.delta.count < 0 ? 'success' : 'secondary'} /> : null}
          {!printable ? (
            <PanelLink href={finding.link.href}>Fix it: {finding.link.label} →</PanelLink>
          ) : (
            <Text marginBottom="none">Fix it on: {finding.link.label} ({finding.link.href})</Text>
          )}
        </Flex>
        <Text>{finding.fix}</Text>
        <Table<AuditItem>
          keyField="key"
          items={items}
          columns={[
            {
              header: 'Item',
              hash: 'label',
              width: codeLike ? 200 : undefined,
              render: (item) => (codeLike ? <code style={{ whiteSpace: 'nowrap' }}>{item.label}</code> : <span style={{ wordBreak: 'break-word' }}>{item.label}</span>),
            },
            ...(finding.orders !== null || skuLike ? [{ header: 'Orders', hash: 'orders', width: 80, align: 'right' as const, render: (item: AuditItem) => String(item.orders) }] : []),
            ...(skuLike ? [{ header: 'Units sold', hash: 'units', width: 100, align: 'right' as const, render: (item: AuditItem) => String(item.units) }] : []),
            ...(withExamples ? [exampleColumn(printable)] : []),
            { header: 'Detail', hash: 'detail', render: (item: AuditItem) => <Text color="secondary60" marginBottom="none">{item.detail}</Text> },
          ]}
        />
        {finding.count > items.length ? (
          <Text color="secondary60" marginTop="small" marginBottom="none">
            Showing {items.length} of {finding.count}; the CSV download has {Math.min(finding.items.length, finding.count)}.
          </Text>
        ) : null}
      </Panel>
    </section>
  );
}

function exampleColumn(printable: boolean) {
  return {
    header: 'Examples',
    hash: 'examples',
    width: 190,
    render: (item: AuditItem) =>
      item.examples.length === 0 ? (
        '—'
      ) : (
        <Flex flexGap="0.4rem" flexWrap="wrap">
          {item.examples.map((id) =>
            printable ? (
              <span key={id}>#{id}</span>
            ) : (
              <PanelLink key={id} href={`/orders/${id}`}>
                #{id}
              </PanelLink>
            ),
          )}
        </Flex>
      ),
  };
}
