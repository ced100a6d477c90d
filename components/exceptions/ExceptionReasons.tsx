'use client';
import { helpHref } from '@/lib/sync/rules/runbook';
import { Badge, Box, Button, Flex, Text } from '@bigcommerce/big-design';
import type { ExceptionView } from '@/lib/sync/panel/list-exceptions';
import { EXCEPTION_TYPE_LABELS, OWNER_LABELS } from './labels';
import { PanelLink } from './PanelLink';

/** Every reason an order is waiting, each with what it means and how to fix it. */
export function ExceptionReasons({ exceptions, onIgnore }: { exceptions: ExceptionView[]; onIgnore?: (exception: ExceptionView) => void }) {
  return (
    <Flex flexDirection="column" flexGap="0.75rem" paddingVertical="xSmall">
      {exceptions.map((exception) => (
        <Box key={exception.id} border="box" borderRadius="normal" padding="small" backgroundColor="white">
          <Flex justifyContent="space-between" alignItems="flex-start" flexGap="0.5rem">
            <Flex alignItems="center" flexGap="0.5rem" flexWrap="wrap">
              <Badge label={EXCEPTION_TYPE_LABELS[exception.type]} variant="danger" />
              <Badge label={`Owner: ${OWNER_LABELS[exception.ownerTeam]}`} variant="secondary" />
              {exception.status !== 'OPEN' ? <Badge label={exception.status.toLowerCase()} variant="warning" /> : null}
            </Flex>
            {onIgnore && exception.status === 'OPEN' ? (
              <Button variant="subtle" onClick={() => onIgnore(exception)}>
                Ignore…
              </Button>
            ) : null}
          </Flex>
          <Text bold marginTop="xSmall" marginBottom="xxSmall">
            {exception.message}
          </Text>
          <Text color="secondary60" marginBottom="xxSmall">
            <strong>What it means:</strong> {exception.runbook.meaning}
          </Text>
          <Text color="secondary60" marginBottom="xxSmall">
            <strong>How to fix:</strong> {exception.runbook.fix}{' '}
            {exception.runbook.fixHref !== '/exceptions' ? <PanelLink href={exception.runbook.fixHref}>{exception.runbook.fixLabel} ›</PanelLink> : null}{' '}
            <PanelLink href={helpHref(exception.type)}>More in Help ›</PanelLink>
          </Text>
          {exception.note ? (
            <Text color="secondary60" marginBottom="none">
              <strong>Note from {exception.resolvedBy ?? 'an operator'}:</strong> {exception.note}
            </Text>
          ) : null}
        </Box>
      ))}
    </Flex>
  );
}
