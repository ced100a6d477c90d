'use client';
import { Badge, Box, Flex, Input, Panel, Text } from '@bigcommerce/big-design';
import { useEffect, useState } from 'react';
import { apiFetch } from '@/lib/client/api';
import type { SkuRulesInput } from '@/lib/sync/panel/get-sku-rules';
import type { SkuPreview } from '@/lib/sync/rules';
import { errorText } from '../exceptions/labels';

/** Type a SKU, see every rule it goes through (with the rules as they are on screen, saved or not). */
export function SkuPreviewBox({ rules }: { rules: SkuRulesInput }) {
  const [sku, setSku] = useState('');
  const [preview, setPreview] = useState<SkuPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const rulesKey = JSON.stringify(rules);

  useEffect(() => {
    if (sku === '') return;
    let current = true;
    const timer = setTimeout(() => {
      apiFetch<{ preview: SkuPreview }>('/api/sku-rules/preview', { method: 'POST', body: JSON.stringify({ sku, rules: JSON.parse(rulesKey) as SkuRulesInput }) })
        .then((result) => {
          if (!current) return;
          setPreview(result.preview);
          setProblem(null);
        })
        .catch((error: unknown) => current && setProblem(errorText(error)));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [sku, rulesKey]);

  const shown = sku === '' ? null : preview;
  return (
    <Panel header="Preview" description="Type a BigCommerce SKU to see what Whistl would receive under the rules above (saved or not).">
      <Input label="BigCommerce SKU" placeholder="e.g. tee-red/l" value={sku} onChange={(e) => setSku(e.target.value)} />
      {problem ? <Text color="danger">{problem}</Text> : null}
      {shown ? (
        <Box marginTop="medium">
          <Flex flexDirection="column" flexGap="0.25rem">
            <Step label="Input" value={shown.input} />
            {shown.steps.map((step, index) => (
              <Step key={`${step.rule}-${index}`} label={step.label} value={step.value} />
            ))}
            {shown.steps.length === 0 ? <Text color="secondary60" marginBottom="none">No rule changes this SKU.</Text> : null}
          </Flex>
          <Flex alignItems="center" flexGap="0.5rem" marginTop="small">
            <Text bold marginBottom="none">
              Sent to Whistl as <code>{shown.output || '(nothing)'}</code>
            </Text>
            <Badge label={shown.ok ? 'Accepted' : 'Rejected'} variant={shown.ok ? 'success' : 'danger'} />
          </Flex>
          {!shown.ok && shown.problem ? (
            <Text color="danger" marginTop="xSmall" marginBottom="none">
              {shown.problem.message}
            </Text>
          ) : null}
        </Box>
      ) : null}
    </Panel>
  );
}

function Step({ label, value }: { label: string; value: string }) {
  return (
    <Flex flexGap="0.75rem">
      <div style={{ width: 200, flexShrink: 0 }}>
        <Text color="secondary60" marginBottom="none">
          {label}
        </Text>
      </div>
      <Text marginBottom="none">
        <code>{value === '' ? '(empty)' : value}</code>
      </Text>
    </Flex>
  );
}
