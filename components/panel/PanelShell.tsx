'use client';
import { Badge, Box, Flex, H1, Link, ProgressCircle, StatusMessage, Text } from '@bigcommerce/big-design';
import { usePathname } from 'next/navigation';
import { useEffect, useState, type ReactNode } from 'react';
import { useMe } from '@/lib/client/api';
import { captureSessionFromLocation } from '@/lib/client/session-token';
import { activeNavItem } from './nav';
import { NavTabs } from './NavTabs';

const ROLE_LABELS = { ADMIN: 'Admin', OPS: 'Ops', CX: 'Customer service', FINANCE: 'Finance' } as const;

export function PanelShell({ children }: { children: ReactNode }) {
  const [sessionState, setSessionState] = useState<'checking' | 'present' | 'absent'>('checking');

  useEffect(() => {
    // The session arrives in the URL fragment, which only the browser can read.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSessionState(captureSessionFromLocation() ? 'present' : 'absent');
  }, []);

  if (sessionState === 'checking') return <Centered><ProgressCircle size="large" /></Centered>;
  if (sessionState === 'absent') return <SignedOut />;
  return <SignedInShell>{children}</SignedInShell>;
}

function SignedInShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const { data: me, error } = useMe();
  const active = activeNavItem(pathname);

  if (error?.status === 401) return <SignedOut ended />;
  if (error) {
    return (
      <Centered>
        <StatusMessage variant="server-error" heading="The app could not load" message={error.message} />
      </Centered>
    );
  }

  return (
    <Box backgroundColor="secondary10" style={{ minHeight: '100vh' }}>
      <Box backgroundColor="white" paddingHorizontal="xLarge" paddingTop="medium" shadow="raised">
        <Flex justifyContent="space-between" alignItems="center" flexWrap="wrap">
          <H1 marginBottom="none">Whistl Fulfilment</H1>
          {me ? (
            <Flex alignItems="center" flexGap="0.5rem">
              <Text marginBottom="none" color="secondary60">
                Store {me.store.hash} · {me.user.email}
              </Text>
              <Badge label={ROLE_LABELS[me.role]} variant="secondary" />
            </Flex>
          ) : null}
        </Flex>
        <NavTabs active={active} />
      </Box>
      <Box as="main" padding="xLarge" style={{ maxWidth: 1200, margin: '0 auto' }}>
        {me ? children : <ProgressCircle size="large" />}
      </Box>
    </Box>
  );
}

function SignedOut({ ended = false }: { ended?: boolean }) {
  return (
    <Centered>
      <StatusMessage
        variant="unauthorized"
        heading={ended ? 'Your session has ended' : 'Open this app from BigCommerce'}
        message={
          ended
            ? 'Sessions last 12 hours and end when the app is uninstalled or your access is removed. Reopen Whistl Fulfilment from Apps › My Apps in your BigCommerce control panel.'
            : 'Whistl Fulfilment runs inside your BigCommerce control panel. Open it from Apps › My Apps there.'
        }
        actions={
          process.env.NEXT_PUBLIC_SANDBOX_MODE === '1' ? (
            // A full navigation: the route redirects through the real load callback.
            <Link href="/api/sandbox/open">Open the demo store as its owner</Link>
          ) : undefined
        }
      />
    </Centered>
  );
}

function Centered({ children }: { children: ReactNode }) {
  return (
    <Flex justifyContent="center" alignItems="center" style={{ minHeight: '80vh' }} padding="xLarge">
      {children}
    </Flex>
  );
}
