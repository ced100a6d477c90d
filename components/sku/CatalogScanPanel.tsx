'use client';
import { Badge, Box, Flex, H3, Message, Panel, ProgressBar, StatefulTable, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { apiFetch, useApi } from '@/lib/client/api';
import type { CatalogScanResult, CatalogScanView } from '@/lib/sync/panel/run-catalog-scan';
import { dateTime, errorText } from '../exceptions/labels';

/** Starts a catalog scan, shows its progress while it runs, then what it found. */
export function CatalogScanPanel({ canRun }: { canRun: boolean }) {
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { data, mutate } = useApi<{ scan: CatalogScanView | null }>('/api/sku-rules/scan', {
    refreshInterval: (latest) => (latest?.scan?.status === 'RUNNING' ? 1000 : 0),
  });
  const scan = data?.scan ?? null;
  const running = scan?.status === 'RUNNING';

  async function start() {
    setStarting(true);
    setProblem(null);
    try {
      await mutate(await apiFetch<{ scan: CatalogScanView | null }>('/api/sku-rules/scan', { method: 'POST' }), { revalidate: false });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setStarting(false);
    }
  }

  return (
    <Panel
      header="Catalog scan"
      description="Reads every variant in your BigCommerce catalog and every product at Whistl, and lists the SKUs your saved rules would reject and the SKUs missing on either side."
      action={canRun ? { text: scan ? 'Scan again' : 'Scan catalog', disabled: running || starting, isLoading: starting, onClick: () => void start() } : undefined}
    >
      {problem ? <Message type="error" messages={[{ text: problem }]} marginBottom="medium" /> : null}
      {!scan ? (
        <Text color="secondary60">No scan has run yet.{canRun ? ' Start one to check the whole catalog against the rules above.' : ''}</Text>
      ) : null}
      {scan && running ? (
        <Box>
          <Text>
            {scan.phase === 'whistl'
              ? `Read all ${scan.total ?? scan.scanned} BigCommerce products; now reading Whistl's product list…`
              : scan.total
                ? `Reading BigCommerce products: ${scan.scanned} of ${scan.total}`
                : 'Starting…'}
          </Text>
          <ProgressBar percent={scan.total ? Math.min(100, Math.round((scan.scanned / scan.total) * 100)) : undefined} />
        </Box>
      ) : null}
      {scan?.status === 'FAILED' ? (
        <Message type="error" header="The scan did not finish" messages={[{ text: scan.error ?? 'Unknown error' }]} />
      ) : null}
      {scan?.status === 'DONE' && scan.result ? <ScanResult result={scan.result} finishedAt={scan.finishedAt} /> : null}
    </Panel>
  );
}

function ScanResult({ result, finishedAt }: { result: CatalogScanResult; finishedAt: string | null }) {
  const { counts } = result;
  const clean = counts.rejected + counts.missingInWhistl + counts.orphansInWhistl + counts.withoutSku === 0;
  return (
    <>
      <Text color="secondary60">
        Scanned {result.bigCommerceVariants} BigCommerce variants and {result.whistlProducts} Whistl products
        {finishedAt ? ` (finished ${dateTime(finishedAt)})` : ''}.
      </Text>
      {clean ? <Message type="success" messages={[{ text: 'Every SKU passes the rules and exists on both sides.' }]} /> : null}
      <Section
        title="Rejected by the SKU rules"
        count={counts.rejected}
        help="Orders with these SKUs are held. Fix the SKU in BigCommerce, or add an alias or a transform above."
        items={result.rejected.map((r) => ({ id: `${r.productId}-${r.variantId ?? 0}`, product: r.productName, sku: r.bcSku, detail: r.reason }))}
        detailHeader="Why"
      />
      <Section
        title="Variants without a SKU"
        count={counts.withoutSku}
        help="These can never be sent: give each a SKU in BigCommerce that matches the product at Whistl."
        items={result.withoutSku.map((r) => ({ id: `${r.productId}-${r.variantId ?? 0}`, product: r.productName, sku: '', detail: `Product ${r.productId}${r.variantId ? `, variant ${r.variantId}` : ''}` }))}
        detailHeader="Where"
      />
      <Section
        title="Missing at Whistl"
        count={counts.missingInWhistl}
        help="These SKUs pass the rules but Whistl has no such product: orders for them would be rejected. Create them at Whistl or add an alias."
        items={result.missingInWhistl.map((r) => ({ id: `${r.productId}-${r.variantId ?? 0}`, product: r.productName, sku: r.bcSku, detail: `Sent as ${r.whistlSku}` }))}
        detailHeader="Whistl SKU"
      />
      <Section
        title="At Whistl but not in BigCommerce"
        count={counts.orphansInWhistl}
        help="No BigCommerce variant maps to these Whistl products (after your rules). They are reported, never guessed."
        items={result.orphansInWhistl.map((r) => ({ id: r.sku, product: r.name, sku: r.sku, detail: '' }))}
        detailHeader=""
      />
    </>
  );
}

type Item = { id: string; product: string; sku: string; detail: string };

function Section({ title, count, help, items, detailHeader }: { title: string; count: number; help: string; items: Item[]; detailHeader: string }) {
  return (
    <Box marginTop="large">
      <Flex alignItems="center" flexGap="0.5rem">
        <H3 marginBottom="none">{title}</H3>
        <Badge label={String(count)} variant={count === 0 ? 'success' : 'warning'} />
      </Flex>
      {count === 0 ? (
        <Text color="secondary60" marginTop="xSmall">None.</Text>
      ) : (
        <>
          <Text color="secondary60" marginTop="xSmall">
            {help}
            {count > items.length ? ` Showing the first ${items.length} of ${count}.` : ''}
          </Text>
          <StatefulTable<Item>
            keyField="id"
            itemName="SKUs"
            items={items}
            pagination={items.length > 10}
            columns={[
              { header: 'Product', hash: 'product', render: (item) => item.product },
              { header: 'SKU', hash: 'sku', render: (item) => (item.sku ? <code>{item.sku}</code> : <Text color="secondary60" marginBottom="none">(none)</Text>) },
              ...(detailHeader ? [{ header: detailHeader, hash: 'detail', render: (item: Item) => item.detail }] : []),
            ]}
          />
        </>
      )}
    </Box>
  );
}
