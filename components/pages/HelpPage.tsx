'use client';
import { H3, Panel, Text } from '@bigcommerce/big-design';
import { PageHeader } from '../panel/PageHeader';

const TOPICS = [
  {
    title: 'Getting connected',
    body: 'In Settings, enter the Whistl API base URL your account manager gave you (usually https://api.mintsoft.co.uk), then either your Whistl username and password or an API key, and the warehouse your orders ship from. “Test connection” logs in and lists the account’s warehouses, or tells you exactly what failed.',
  },
  {
    title: 'Who can do what',
    body: 'The store owner is an admin. Admins change settings and roles; ops edit mappings and SKU rules and retry exports; customer service reads order status; finance reads reconciliation. New users start as customer service until an admin changes them.',
  },
  {
    title: 'Your data',
    body: 'Access tokens and Whistl credentials are encrypted. Uninstalling the app from BigCommerce removes the store’s data from the connector.',
  },
];

export function HelpPage() {
  return (
    <>
      <PageHeader title="Help" description="How the connector works and what to do when something needs attention." />
      {TOPICS.map((topic) => (
        <Panel key={topic.title}>
          <H3>{topic.title}</H3>
          <Text>{topic.body}</Text>
        </Panel>
      ))}
    </>
  );
}
