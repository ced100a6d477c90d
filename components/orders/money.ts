/** BigCommerce sends money as decimal strings ("208.8900"); the panel shows pounds and pence. */
const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });

export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const value = Number(amount);
  return Number.isFinite(value) ? GBP.format(value) : amount;
}
