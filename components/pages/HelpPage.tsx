'use client';
import { Badge, Box, Flex, H3, H4, Panel, Text } from '@bigcommerce/big-design';
import { useEffect, useState } from 'react';
import { useApi } from '@/lib/client/api';
import type { ExceptionType, OwnerTeam } from '@/lib/generated/prisma/enums';
import { DEFAULT_EXCEPTION_OWNERS } from '@/lib/sync/rules/owners';
import { ALERTS_GUIDE, GENERAL_TOPICS, GUIDE_ORDER, TEAM_GUIDES, TEAM_NAMES, type GuideSection } from '@/lib/sync/rules/operations-guide';
import { RUNBOOK } from '@/lib/sync/rules/runbook';
import { PanelLink } from '../exceptions/PanelLink';
import { PageHeader } from '../panel/PageHeader';

const FIX_PAGE_NAMES: Record<string, string> = {
  '/shipping-mappings': 'Shipping mappings',
  '/sku-rules': 'SKU rules',
  '/settings': 'Settings',
  '/inventory': 'Inventory',
  '/orders': 'Orders',
  '/exceptions': 'Exceptions',
};

/**
 * The runbook for ops, customer service and finance: what each exception means, who owns it in
 * this store, how to fix it and how to check the fix. Each entry is anchored by its type
 * (/help#UNMAPPED_SHIPPING) so the exception queue and alerts can link straight to it.
 * docs/operations-guide.md is the printable copy of the same content.
 */
export function HelpPage() {
  const { data } = useApi<{ owners: Record<ExceptionType, OwnerTeam> }>('/api/settings/export');
  const owners = data?.owners ?? DEFAULT_EXCEPTION_OWNERS;
  const [target, setTarget] = useState<string | null>(null);

  useEffect(() => {
    // Entries are on the page from the first render; bring the linked one into view and mark it.
    const show = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      setTarget(id || null);
      if (id) document.getElementById(id)?.scrollIntoView({ block: 'start' });
    };
    show();
    window.addEventListener('hashchange', show);
    return () => window.removeEventListener('hashchange', show);
  }, []);

  return (
    <>
      <PageHeader
        title="Help"
        description="What each exception means, who owns it, how to fix it and how to check the fix. Written for ops, customer service and finance; the same guide is in the repository as docs/operations-guide.md."
      />
      <Panel header="Exceptions at a glance">
        <Box as="ul" style={{ margin: 0, paddingLeft: '1.25rem', columns: 2 }}>
          {GUIDE_ORDER.map((type) => (
            <li key={type} style={{ marginBottom: 6 }}>
              <a href={`#${type}`}>{RUNBOOK[type].title}</a> <Text as="span" color="secondary60">({TEAM_NAMES[owners[type]]})</Text>
            </li>
          ))}
        </Box>
      </Panel>
      <Flex flexDirection={{ mobile: 'column', tablet: 'row' }} flexGap="1rem" marginBottom="large">
        {TEAM_GUIDES.map((section) => (
          <Box key={section.id} id={section.id} backgroundColor="white" shadow="raised" borderRadius="normal" padding="large" style={{ flex: 1 }}>
            <H3>{section.title}</H3>
            {section.paragraphs.map((p) => (
              <Text key={p}>{p}</Text>
            ))}
          </Box>
        ))}
      </Flex>
      {GUIDE_ORDER.map((type) => {
        const entry = RUNBOOK[type];
        const owner = owners[type];
        return (
          <Box
            key={type}
            id={type}
            backgroundColor="white"
            shadow="raised"
            borderRadius="normal"
            padding="large"
            marginBottom="medium"
            style={{ scrollMarginTop: 16, outline: target === type ? '2px solid #3C64F4' : undefined }}
          >
            <Flex justifyContent="space-between" alignItems="center" flexWrap="wrap" flexGap="0.5rem" marginBottom="small">
              <H3 marginBottom="none">{entry.title}</H3>
              <Flex flexGap="0.5rem" alignItems="center">
                <Badge label={`Owner: ${TEAM_NAMES[owner]}`} variant={owner === DEFAULT_EXCEPTION_OWNERS[type] ? 'secondary' : 'primary'} />
                <Text as="span" color="secondary60" marginBottom="none">
                  <code>{type}</code>
                </Text>
              </Flex>
            </Flex>
            <H4 marginBottom="xxSmall">What it means</H4>
            <Text>{entry.meaning}</Text>
            <H4 marginBottom="xxSmall">How to fix it</H4>
            <Text>
              {entry.fix} <PanelLink href={entry.fixPage}>Open {FIX_PAGE_NAMES[entry.fixPage] ?? entry.fixPage} ›</PanelLink>
            </Text>
            <H4 marginBottom="xxSmall">How to check the fix worked</H4>
            <Text marginBottom="none">{entry.verify}</Text>
          </Box>
        );
      })}
      {[ALERTS_GUIDE, ...GENERAL_TOPICS].map((section: GuideSection) => (
        <Box key={section.id} id={section.id} backgroundColor="white" shadow="raised" borderRadius="normal" padding="large" marginBottom="medium">
          <H3>{section.title}</H3>
          {section.paragraphs.map((p) => (
            <Text key={p}>{p}</Text>
          ))}
        </Box>
      ))}
    </>
  );
}
