import type { ReactNode } from 'react';

/** Pages meant for paper: no panel navigation around them. */
export default function PrintLayout({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
