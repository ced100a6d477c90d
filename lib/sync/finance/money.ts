/**
 * Exact money arithmetic on BigCommerce's decimal strings ("208.8900"): amounts are held as
 * integer ten-thousandths (BigCommerce sends at most 4 decimals), summed exactly, and shown with 2.
 */
const MONEY = /^(-)?(\d{1,12})(?:\.(\d{1,4}))?$/;

/** Ten-thousandths of the currency unit, or null when the text is not a decimal amount. */
export function parseMoney(text: string | null | undefined): number | null {
  const match = text ? MONEY.exec(text.trim()) : null;
  if (!match) return null;
  const units = Number(match[2]) * 10_000 + Number((match[3] ?? '').padEnd(4, '0'));
  return match[1] ? -units : units;
}

/** "1234.50" from ten-thousandths, rounded half away from zero to 2 decimals. */
export function formatMoneyUnits(units: number): string {
  const negative = units < 0;
  const cents = Math.floor((Math.abs(units) + 50) / 100);
  const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return negative && cents > 0 ? `-${text}` : text;
}

export function sumMoney(amounts: Iterable<string | null | undefined>): { units: number; unparsed: number } {
  let units = 0;
  let unparsed = 0;
  for (const amount of amounts) {
    const value = parseMoney(amount);
    if (value === null) unparsed += 1;
    else units += value;
  }
  return { units, unparsed };
}
