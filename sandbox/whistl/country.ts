/** Resolves Whistl's `Country` (ISO-2, ISO-3 or a name) to ISO-2, or null when unknown. */

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

const ALIASES: Record<string, string> = {
  UK: 'GB',
  'GREAT BRITAIN': 'GB',
  ENGLAND: 'GB',
  SCOTLAND: 'GB',
  WALES: 'GB',
  'NORTHERN IRELAND': 'GB',
  USA: 'US',
  'UNITED STATES OF AMERICA': 'US',
};

const ISO3: Record<string, string> = {
  GBR: 'GB', IRL: 'IE', FRA: 'FR', DEU: 'DE', ESP: 'ES', ITA: 'IT', NLD: 'NL', BEL: 'BE', LUX: 'LU',
  PRT: 'PT', AUT: 'AT', CHE: 'CH', DNK: 'DK', SWE: 'SE', NOR: 'NO', FIN: 'FI', POL: 'PL', CZE: 'CZ',
  GRC: 'GR', HUN: 'HU', ROU: 'RO', BGR: 'BG', HRV: 'HR', SVN: 'SI', SVK: 'SK', EST: 'EE', LVA: 'LV',
  LTU: 'LT', MLT: 'MT', CYP: 'CY', ISL: 'IS', USA: 'US', CAN: 'CA', AUS: 'AU', NZL: 'NZ', JPN: 'JP',
  CHN: 'CN', HKG: 'HK', SGP: 'SG', IND: 'IN', ARE: 'AE', ZAF: 'ZA', BRA: 'BR', MEX: 'MX', JEY: 'JE',
  GGY: 'GG', IMN: 'IM', GIB: 'GI',
};

let byName: Map<string, string> | undefined;

function isRegion(code: string): boolean {
  const name = regionNames.of(code);
  return name !== undefined && name !== code && name !== 'Unknown Region';
}

function namesToCodes(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      const name = (regionNames.of(code) ?? '').toUpperCase();
      // Deprecated aliases (e.g. UK) share a name with the real code: the first code wins.
      if (isRegion(code) && !byName.has(name)) byName.set(name, code);
    }
  }
  return byName;
}

export function resolveCountry(input: string): string | null {
  const key = input.trim().toUpperCase();
  if (key === '') return null;
  const alias = ALIASES[key];
  if (alias) return alias;
  if (/^[A-Z]{2}$/.test(key)) return isRegion(key) ? key : null;
  if (/^[A-Z]{3}$/.test(key)) return ISO3[key] ?? null;
  return namesToCodes().get(key) ?? null;
}
