'use client';
import { Box, Button, Flex, H1, Message, ProgressCircle, Text } from '@bigcommerce/big-design';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/client/api';
import { captureSessionFromLocation } from '@/lib/client/session-token';
import type { AuditView } from '@/lib/sync/audit/types';
import { AuditReportView } from '../audit/AuditReportView';

/** The latest audit report laid out for paper (or "Save as PDF"), without the panel around it. */
export function AuditPrintPage() {
  const router = useRouter();
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSignedIn(captureSessionFromLocation() !== null);
  }, []);
  const { data, error } = useApi<{ audit: AuditView | null }>(signedIn ? '/api/audit' : null);
  const report = data?.audit?.status === 'DONE' ? data.audit.report : null;
  return (
    <Box padding="xLarge" style={{ maxWidth: 1100, margin: '0 auto' }}>
      <style>{'@media print { .no-print { display: none !important; } body { background: white; } }'}</style>
      <Flex justifyContent="space-between" alignItems="center" marginBottom="medium" flexWrap="wrap">
        <H1 marginBottom="none">Whistl go-live audit</H1>
        <Flex flexGap="0.5rem" className="no-print">
          <Button variant="subtle" onClick={() => router.push('/audit')}>
            Back to the audit
          </Button>
          <Button onClick={() => window.print()} disabled={!report}>
            Print
          </Button>
        </Flex>
      </Flex>
      {signedIn === false ? <Message type="warning" messages={[{ text: 'Open the app from your BigCommerce control panel, then open the printable report from the Audit page.' }]} /> : null}
      {error ? <Message type="error" messages={[{ text: error.message }]} /> : null}
      {signedIn && !data && !error ? <ProgressCircle /> : null}
      {data && !report ? <Text>No finished audit yet: run one on the Audit page.</Text> : null}
      {report ? <AuditReportView report={report} printable /> : null}
    </Box>
  );
}
