import '@fontsource/source-sans-3/400.css';
import '@fontsource/source-sans-3/600.css';
import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/Providers';
import { StyledComponentsRegistry } from '@/components/StyledComponentsRegistry';

export const metadata: Metadata = {
  title: 'Whistl Fulfilment Connector',
  description: 'Runs your BigCommerce fulfilment at Whistl',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body>
        <StyledComponentsRegistry>
          <Providers>
            {children}
          </Providers>
        </StyledComponentsRegistry>
      </body>
    </html>
  );
}
