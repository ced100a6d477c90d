import { describe, expect, it } from 'vitest';
import { auditReportCsv } from '@/lib/sync/audit/csv';
import type { AuditReport } from '@/lib/sync/audit/types';

const report: AuditReport = {
  days: 30,
  since: '2026-10-27T00:00:00.000Z',
  generatedAt: '2026-11-26T00:00:00.000Z',
  orders: { total: 10, clean: 7, blocked: 2, nothingToShip: 1, cleanShare: 7 / 9 },
  catalog: { products: 5, variants: 9 },
  whistl: { products: 8, stockRecords: 8 },
  shippingMethods: { offered: 3, unmapped: 1 },
  requests: { bigcommerce: 4, whistl: 2 },
  findings: [
    {
      id: 'sku-policy',
      severity: 'blocking',
      title: 'SKUs the Whistl SKU policy rejects',
      count: 2,
      orders: 2,
      fix: 'Fix, "quoted", then save',
      link: { href: '/sku-rules', label: 'SKU rules' },
      items: [
        { key: '=HYPERLINK("x")', label: '=HYPERLINK("x")', orders: 1, units: 3, examples: [101, 102], detail: 'line1\nline2' },
        { key: 'TEE/L', label: 'TEE/L', orders: 1, units: 1, examples: [103], detail: '' },
      ],
      delta: null,
    },
  ],
  previous: null,
};

describe('audit CSV', () => {
  it('has a summary, one row per item, RFC 4180 quoting and no spreadsheet formulas', () => {
    const csv = auditReportCsv(report);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('section,finding,severity,item,orders,units,example orders,detail,fix,where to fix');
    expect(lines[2]).toBe('summary,Would export cleanly,,77.8%,7,,,,,');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"line1\nline2"');
    expect(csv).toContain('"Fix, ""quoted"", then save"');
    expect(csv).toContain('finding,SKUs the Whistl SKU policy rejects,blocking,TEE/L,1,1,103,,');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
