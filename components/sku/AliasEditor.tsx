'use client';
import { Button, Flex, Input, Table, Text } from '@bigcommerce/big-design';
import { useState } from 'react';

export interface Alias {
  bcSku: string;
  whistlSku: string;
}

type Row = { id: string; alias: Alias };

/** Explicit BigCommerce SKU -> Whistl SKU renames; added and removed here, saved with the rules. */
export function AliasEditor({ aliases, canEdit, onChange }: { aliases: Alias[]; canEdit: boolean; onChange(aliases: Alias[]): void }) {
  const [bcSku, setBcSku] = useState('');
  const [whistlSku, setWhistlSku] = useState('');
  const duplicate = aliases.some((a) => a.bcSku === bcSku.trim());

  function add() {
    onChange([...aliases, { bcSku: bcSku.trim(), whistlSku: whistlSku.trim() }]);
    setBcSku('');
    setWhistlSku('');
  }

  return (
    <>
      {aliases.length === 0 ? (
        <Text color="secondary60">No aliases: every SKU goes through the rules above.</Text>
      ) : (
        <Table<Row>
          keyField="id"
          itemName="aliases"
          items={aliases.map((alias) => ({ id: alias.bcSku, alias }))}
          columns={[
            { header: 'BigCommerce SKU', hash: 'bc', render: ({ alias }) => <code>{alias.bcSku}</code> },
            { header: 'Whistl SKU', hash: 'whistl', render: ({ alias }) => <code>{alias.whistlSku}</code> },
            ...(canEdit
              ? [
                  {
                    header: '',
                    hash: 'remove',
                    width: 110,
                    align: 'right' as const,
                    render: ({ alias }: Row) => (
                      <Button variant="subtle" actionType="destructive" onClick={() => onChange(aliases.filter((a) => a.bcSku !== alias.bcSku))}>
                        Remove
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {canEdit ? (
        <Flex alignItems="flex-end" flexGap="0.75rem" flexWrap="wrap" marginTop="medium">
          <div style={{ minWidth: 220 }}>
            <Input
              label="BigCommerce SKU"
              value={bcSku}
              onChange={(e) => setBcSku(e.target.value)}
              error={duplicate ? 'This SKU already has an alias' : undefined}
            />
          </div>
          <div style={{ minWidth: 220 }}>
            <Input label="Whistl SKU" value={whistlSku} onChange={(e) => setWhistlSku(e.target.value)} />
          </div>
          <Button variant="secondary" disabled={!bcSku.trim() || !whistlSku.trim() || duplicate} onClick={add}>
            Add alias
          </Button>
        </Flex>
      ) : null}
    </>
  );
}
