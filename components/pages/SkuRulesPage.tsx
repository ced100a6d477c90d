'use client';
import { Button, Checkbox, Flex, Form, FormGroup, Input, Message, Panel, ProgressCircle, Select, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { apiFetch, ApiError, useApi, useMe } from '@/lib/client/api';
import type { SkuPolicy } from '@/lib/generated/prisma/enums';
import type { SkuRulesInput, SkuRulesView } from '@/lib/sync/panel/get-sku-rules';
import type { SaveSkuRulesResult } from '@/lib/sync/panel/save-sku-rules';
import { errorText } from '../exceptions/labels';
import { PageHeader } from '../panel/PageHeader';
import { AliasEditor } from '../sku/AliasEditor';
import { CatalogScanPanel } from '../sku/CatalogScanPanel';
import { SkuPreviewBox } from '../sku/SkuPreviewBox';

type Notice = { type: 'success' | 'error' | 'warning'; text: string };

const POLICIES: { value: SkuPolicy; content: string; description: string }[] = [
  { value: 'ALPHANUMERIC', content: 'Letters and digits only', description: 'A-Z and 0-9: what the strictest Whistl warehouses accept' },
  { value: 'ALPHANUMERIC_DASH', content: 'Letters, digits, dashes and underscores', description: 'A-Z, 0-9, "-" and "_"' },
  { value: 'ANY_NON_EMPTY', content: 'Anything without spaces', description: 'Only if your Whistl site accepts other symbols' },
];

export function SkuRulesPage() {
  const { data: me } = useMe();
  const canEdit = me?.role === 'ADMIN' || me?.role === 'OPS';
  const canRead = canEdit || me?.role === 'CX';
  const { data, error, mutate } = useApi<{ rules: SkuRulesView }>(canRead ? '/api/sku-rules' : null, { revalidateOnFocus: false });

  const header = <PageHeader title="SKU rules" description="How BigCommerce SKUs become Whistl SKUs, and which ones the warehouse would reject." />;
  if (me && !canRead) {
    return (
      <>
        {header}
        <Panel header="SKU rules">
          <Text>Only ops and customer service can see the SKU rules. Ask a store admin if you need access.</Text>
        </Panel>
      </>
    );
  }
  return (
    <>
      {header}
      {error ? <Message type="error" header="The SKU rules could not be loaded" messages={[{ text: error.message }]} marginBottom="medium" /> : null}
      {data ? (
        <SkuRulesEditor saved={data.rules} canEdit={canEdit} onSaved={(rules) => void mutate({ rules }, { revalidate: false })} />
      ) : !error ? (
        <ProgressCircle size="large" />
      ) : null}
      <CatalogScanPanel canRun={canEdit} />
    </>
  );
}

function SkuRulesEditor({ saved, canEdit, onSaved }: { saved: SkuRulesView; canEdit: boolean; onSaved(rules: SkuRulesView): void }) {
  const [rules, setRules] = useState<SkuRulesInput>({
    policy: saved.policy,
    uppercase: saved.uppercase,
    stripChars: saved.stripChars,
    prefix: saved.prefix,
    suffix: saved.suffix,
    aliases: saved.aliases,
  });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SkuRulesInput>(key: K, value: SkuRulesInput[K]) => setRules((r) => ({ ...r, [key]: value }));
  const dirty = JSON.stringify(rules) !== JSON.stringify({ policy: saved.policy, uppercase: saved.uppercase, stripChars: saved.stripChars, prefix: saved.prefix, suffix: saved.suffix, aliases: saved.aliases });

  async function save() {
    setBusy(true);
    setNotice(null);
    setFieldErrors({});
    try {
      const result = await apiFetch<SaveSkuRulesResult>('/api/sku-rules', { method: 'PUT', body: JSON.stringify(rules) });
      setNotice({
        type: 'success',
        text: `Saved. ${result.requeued === 0 ? 'No orders were held on SKU problems.' : `${result.requeued} order${result.requeued === 1 ? '' : 's'} held on SKU problems ${result.requeued === 1 ? 'was' : 'were'} sent back to be checked again under the new rules.`}`,
      });
      onSaved(result.rules);
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.details)) {
        setFieldErrors(Object.fromEntries((caught.details as Array<{ field: string; message: string }>).map((d) => [d.field, d.message])));
      }
      setNotice({ type: 'error', text: errorText(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      {saved.heldOrders > 0 && !notice ? (
        <Message
          type="warning"
          messages={[{ text: `${saved.heldOrders} order${saved.heldOrders === 1 ? ' is' : 's are'} held on SKU problems. Saving the rules sends them to be checked again.` }]}
          marginBottom="medium"
        />
      ) : null}
      <Panel header="Rules" description="Applied to every SKU in this order: an exact alias (which skips the transforms), otherwise upper-case, strip characters, prefix, suffix; then the policy.">
        <Form fullWidth onSubmit={(event) => event.preventDefault()}>
          <FormGroup>
            <Select
              label="SKU policy"
              description={POLICIES.find((p) => p.value === rules.policy)?.description}
              value={rules.policy}
              disabled={!canEdit}
              options={POLICIES.map(({ value, content }) => ({ value, content }))}
              onOptionChange={(value) => value && set('policy', value)}
            />
          </FormGroup>
          <FormGroup>
            <Checkbox label="Upper-case every SKU" checked={rules.uppercase} disabled={!canEdit} onChange={(e) => set('uppercase', e.target.checked)} />
          </FormGroup>
          <FormGroup>
            <Input
              label="Strip these characters"
              description='Each character is removed wherever it appears, e.g. "-/ " removes dashes, slashes and spaces.'
              value={rules.stripChars}
              disabled={!canEdit}
              error={fieldErrors.stripChars}
              onChange={(e) => set('stripChars', e.target.value)}
            />
          </FormGroup>
          <FormGroup>
            <Flex flexGap="1rem" flexWrap="wrap">
              <div style={{ minWidth: 200 }}>
                <Input label="Prefix" value={rules.prefix} disabled={!canEdit} error={fieldErrors.prefix} onChange={(e) => set('prefix', e.target.value)} />
              </div>
              <div style={{ minWidth: 200 }}>
                <Input label="Suffix" value={rules.suffix} disabled={!canEdit} error={fieldErrors.suffix} onChange={(e) => set('suffix', e.target.value)} />
              </div>
            </Flex>
          </FormGroup>
        </Form>
      </Panel>
      <Panel header="Aliases" description="An exact BigCommerce SKU sent as a given Whistl SKU. The policy still applies to the Whistl SKU.">
        <AliasEditor aliases={rules.aliases} canEdit={canEdit} onChange={(aliases) => set('aliases', aliases)} />
      </Panel>
      {canEdit ? (
        <Flex flexGap="0.75rem" alignItems="center" marginBottom="large">
          <Button disabled={!dirty || busy} isLoading={busy} onClick={() => void save()}>
            Save rules and aliases
          </Button>
          {dirty ? <Text color="secondary60" marginBottom="none">Unsaved changes</Text> : null}
        </Flex>
      ) : (
        <Text color="secondary60">Only ops and admins can change the SKU rules.</Text>
      )}
      <SkuPreviewBox rules={rules} />
    </>
  );
}
