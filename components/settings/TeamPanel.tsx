'use client';
import { Badge, Message, Panel, Select, Table, Text } from '@bigcommerce/big-design';
import { useState } from 'react';
import { apiFetch, useApi } from '@/lib/client/api';
import type { AppRole } from '@/lib/generated/prisma/enums';

interface TeamMember {
  userId: string;
  email: string;
  role: AppRole;
  isOwner: boolean;
}

const ROLE_OPTIONS: Array<{ value: AppRole; content: string }> = [
  { value: 'ADMIN', content: 'Admin: everything, including settings and roles' },
  { value: 'OPS', content: 'Ops: mappings, SKU rules, retries' },
  { value: 'CX', content: 'Customer service: order status' },
  { value: 'FINANCE', content: 'Finance: reconciliation' },
];

/** Admins choose each BigCommerce user's role here; users appear once they have opened the app. */
export function TeamPanel() {
  const { data, mutate } = useApi<{ members: TeamMember[] }>('/api/team');
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  async function setRole(member: TeamMember, role: AppRole) {
    setNotice(null);
    try {
      await apiFetch(`/api/team/${member.userId}`, { method: 'PUT', body: JSON.stringify({ role }) });
      await mutate();
      setNotice({ type: 'success', text: `${member.email} is now ${ROLE_OPTIONS.find((o) => o.value === role)?.content.split(':')[0] ?? role}.` });
    } catch (error) {
      setNotice({ type: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  return (
    <Panel header="Team and roles" description="BigCommerce users appear here after they first open the app; new users start as customer service.">
      {notice ? <Message type={notice.type} messages={[{ text: notice.text }]} marginBottom="medium" onClose={() => setNotice(null)} /> : null}
      {data ? (
        <Table
          columns={[
            { header: 'User', hash: 'email', render: (m: TeamMember) => <Text marginBottom="none">{m.email} {m.isOwner ? <Badge label="Store owner" variant="secondary" /> : null}</Text> },
            {
              header: 'Role',
              hash: 'role',
              render: (m: TeamMember) =>
                m.isOwner ? (
                  <Text marginBottom="none">Admin</Text>
                ) : (
                  <div style={{ minWidth: 320 }}>
                    <Select aria-label={`Role for ${m.email}`} value={m.role} options={ROLE_OPTIONS} onOptionChange={(role) => role && void setRole(m, role)} />
                  </div>
                ),
            },
          ]}
          items={data.members}
          stickyHeader={false}
        />
      ) : null}
    </Panel>
  );
}
