'use client';
import NextLink from 'next/link';
import styled from 'styled-components';
import { NAV_ITEMS, type NavItem } from './nav';

/**
 * Section navigation. Real links (not big-design Tabs, which switch content within a page) so
 * sections can be opened in a new tab, deep-linked and announced as navigation; styled like
 * the control panel's tabs.
 */
export function NavTabs({ active }: { active: NavItem }) {
  return (
    <Nav aria-label="Sections">
      {NAV_ITEMS.map((item) => (
        <Tab key={item.id} href={item.href} aria-current={item.id === active.id ? 'page' : undefined}>
          {item.title}
        </Tab>
      ))}
    </Nav>
  );
}

const Nav = styled.nav`
  display: flex;
  flex-wrap: wrap;
  gap: ${({ theme }) => theme.spacing.xxSmall};
  margin-top: ${({ theme }) => theme.spacing.small};
`;

const Tab = styled(NextLink)`
  padding: ${({ theme }) => `${theme.spacing.xSmall} ${theme.spacing.medium}`};
  border-bottom: 4px solid transparent;
  color: ${({ theme }) => theme.colors.primary};
  font-size: ${({ theme }) => theme.typography.fontSize.medium};
  text-decoration: none;

  &:hover,
  &:focus-visible {
    background: ${({ theme }) => theme.colors.primary10};
    outline: none;
  }

  &[aria-current='page'] {
    border-bottom-color: ${({ theme }) => theme.colors.primary};
    color: ${({ theme }) => theme.colors.secondary70};
  }
`;
