'use client';
import { Panel, StatusMessage } from '@bigcommerce/big-design';
import type { ReactNode } from 'react';

/** An honest empty state: what will appear here, and why there is nothing yet. */
export function EmptyState({ header, heading, message, actions }: { header: string; heading: string; message: string; actions?: ReactNode }) {
  return (
    <Panel header={header}>
      <StatusMessage size="panel" variant="info" heading={heading} message={message} actions={actions} />
    </Panel>
  );
}
