'use client';
import { Box, H2, Text } from '@bigcommerce/big-design';
import type { ReactNode } from 'react';

export function PageHeader({ title, description, actions }: { title: string; description: string; actions?: ReactNode }) {
  return (
    <Box marginBottom="large">
      <H2 marginBottom="xSmall">{title}</H2>
      <Text color="secondary60">{description}</Text>
      {actions}
    </Box>
  );
}
