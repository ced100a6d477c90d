'use client';
import NextLink from 'next/link';
import styled from 'styled-components';

/**
 * A link to another panel page, routed client-side: a full page load would drop a session kept
 * only in memory (when the iframe may not use storage). Styled like big-design's Link.
 */
export const PanelLink = styled(NextLink)`
  color: ${({ theme }) => theme.colors.primary};
  text-decoration: none;

  &:hover,
  &:focus-visible {
    text-decoration: underline;
  }
`;
