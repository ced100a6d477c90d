import type { AuditReport } from './types';

/** RFC 4180 field; a leading = + - @ is prefixed with ' so spreadsheets never run it as a formula. */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per finding item, with the summary first: what a merchant hands to their team. */
export function auditReportCsv(report: AuditReport): string {
  const rows: (string | number | null)[][] = [
    ['section', 'finding', 'severity', 'item', 'orders', 'units', 'example orders', 'detail', 'fix', 'where to fix'],
    ['summary', 'Orders in the period', '', `last ${report.days} days`, report.orders.total, null, '', '', '', ''],
    ['summary', 'Would export cleanly', '', report.orders.cleanShare === null ? 'n/a' : `${(report.orders.cleanShare * 100).toFixed(1)}%`, report.orders.clean, null, '', '', '', ''],
    ['summary', 'Blocked', '', '', report.orders.blocked, null, '', '', '', ''],
    ['summary', 'Nothing to ship', '', '', report.orders.nothingToShip, null, '', '', '', ''],
  ];
  for (const finding of report.findings) {
    const items = finding.items.length > 0 ? finding.items : [null];
    for (const item of items) {
      rows.push([
        'finding',
        finding.title,
        finding.severity,
        item?.label ?? '',
        item ? item.orders : finding.orders,
        item ? item.units : null,
        item ? item.examples.join(' ') : '',
        item?.detail ?? '',
        finding.fix,
        finding.link.href,
      ]);
    }
  }
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
