/** ISO 3166-1 alpha-2 codes (all 249 assigned codes) plus XK (Kosovo), which shops and carriers use. */
const ISO_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV ' +
  'BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ' +
  'ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE ' +
  'IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY ' +
  'MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU ' +
  'NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM ' +
  'SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE ' +
  'VG VI VN VU WF WS YE YT ZA ZM ZW XK'
).split(' ');

export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(ISO_CODES);

/** Countries whose postcodes are checked with the `postcode` package (UK and Crown Dependencies). */
export const UK_POSTCODE_COUNTRIES: ReadonlySet<string> = new Set(['GB', 'GG', 'JE', 'IM']);

/**
 * Countries where a postcode is not required. Most have no postcode system at all. Ireland (IE)
 * is here on purpose: Eircodes exist since 2015 but many customers leave them out and carriers
 * deliver without one, so an Irish order without a postcode is sent rather than held. Hong Kong,
 * the UAE and Qatar are the ones UK merchants meet most often. A postcode given for one of these
 * countries is still sent (length-checked only).
 */
export const POSTCODE_OPTIONAL_COUNTRIES: ReadonlySet<string> = new Set(
  (
    'AE AG AO AW BF BI BJ BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK IE KI KM KN KP LC ' +
    'ML MO MR MW NR NU QA RW SB SC SL SR SS ST SY TD TG TK TL TO TT TV UG VU YE ZW'
  ).split(' '),
);

/** Names shops commonly send that are not the English short name. */
const NAME_ALIASES: Record<string, string> = {
  uk: 'GB',
  'great britain': 'GB',
  britain: 'GB',
  'united kingdom of great britain and northern ireland': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'channel islands': 'GB',
  guernsey: 'GG',
  jersey: 'JE',
  'isle of man': 'IM',
  'republic of ireland': 'IE',
  eire: 'IE',
  usa: 'US',
  'united states of america': 'US',
  america: 'US',
  holland: 'NL',
  'the netherlands': 'NL',
  'czech republic': 'CZ',
  turkey: 'TR',
  'south korea': 'KR',
  'korea republic of': 'KR',
  'republic of korea': 'KR',
  russia: 'RU',
  'russian federation': 'RU',
  'ivory coast': 'CI',
  macedonia: 'MK',
  vatican: 'VA',
  'holy see': 'VA',
  uae: 'AE',
  'hong kong sar china': 'HK',
  'macao sar china': 'MO',
  macau: 'MO',
  'viet nam': 'VN',
  swaziland: 'SZ',
  burma: 'MM',
};

/** Lower-case, no accents, no punctuation, single spaces: "Côte d’Ivoire" -> "cote divoire". */
export function countryNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

let nameIndex: Map<string, string> | null = null;

/** English names of every code (from the runtime's ICU data) plus the aliases above. */
function countryNameIndex(): Map<string, string> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, string>();
  try {
    const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    for (const code of ISO_CODES) {
      const name = display.of(code);
      if (name) index.set(countryNameKey(name), code);
    }
  } catch {
    // A runtime without ICU region names: the aliases and ISO-3 free path still work.
  }
  for (const [alias, code] of Object.entries(NAME_ALIASES)) index.set(countryNameKey(alias), code);
  nameIndex = index;
  return index;
}

/** ISO-2 code for a country name ("United Kingdom" -> "GB"), or null when unknown. */
export function countryCodeFromName(name: string): string | null {
  const key = countryNameKey(name);
  if (key === '') return null;
  const index = countryNameIndex();
  return index.get(key) ?? index.get(key.replace(/^the /, '')) ?? null;
}
