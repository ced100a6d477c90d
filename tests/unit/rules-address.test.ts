import { describe, expect, it } from 'vitest';
import {
  countryCodeFromName,
  ISO_COUNTRY_CODES,
  normalisePostcode,
  resolveCountryIso2,
  validateShippingAddress,
  WHISTL_FIELD_LIMITS,
} from '@/lib/sync/rules';
import { postalAddress } from './fixtures/orders';

const at = (overrides: Parameters<typeof postalAddress>[0] = {}) => ({ ...postalAddress(overrides), orderAddressId: 7 });
const keys = (problems: { reasonKey: string }[]) => problems.map((p) => p.reasonKey);

describe('validateShippingAddress: UK postcodes', () => {
  it('accepts a complete UK address', () => {
    expect(validateShippingAddress(at())).toEqual([]);
  });

  it.each(['SW1A 2AA', 'sw1a 2aa', 'sw1a2aa', ' M1 1AE ', 'EC1A 1BB', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 0AX', 'BT1 1AA'])(
    'accepts %j',
    (zip) => {
      expect(validateShippingAddress(at({ zip }))).toEqual([]);
    },
  );

  it.each(['XX1', 'SW1A', '12345', 'SW1A 2A', '1SW 2AA', 'SW1A 2AAA', 'SW1A-2AA'])('rejects %j', (zip) => {
    const problems = validateShippingAddress(at({ zip }));
    expect(problems).toEqual([
      {
        type: 'INVALID_ADDRESS',
        reasonKey: 'address:7:zip',
        message: `Postcode "${zip}" is not a valid UK postcode`,
        detail: expect.objectContaining({ field: 'zip', orderAddressId: 7, value: zip, country: 'GB' }),
      },
    ]);
  });

  it.each([
    ['GG', 'GY1 1AA'],
    ['JE', 'JE2 3AB'],
    ['IM', 'IM1 1AA'],
  ])('checks Crown Dependency %s postcodes with the UK rules', (countryIso2, zip) => {
    expect(validateShippingAddress(at({ countryIso2, country: '', zip }))).toEqual([]);
    expect(keys(validateShippingAddress(at({ countryIso2, country: '', zip: '1234' })))).toEqual(['address:7:zip']);
  });

  it('requires a UK postcode', () => {
    expect(validateShippingAddress(at({ zip: '  ' }))).toMatchObject([
      { reasonKey: 'address:7:zip', message: 'Postcode is missing (required for GB)' },
    ]);
  });
});

describe('validateShippingAddress: other countries', () => {
  it('does not apply UK rules to other countries', () => {
    expect(validateShippingAddress(at({ countryIso2: 'US', country: 'United States', zip: '90210', state: 'California' }))).toEqual([]);
    expect(validateShippingAddress(at({ countryIso2: 'DE', country: 'Germany', zip: '10115' }))).toEqual([]);
    expect(validateShippingAddress(at({ countryIso2: 'NL', country: 'Netherlands', zip: '1012 JS' }))).toEqual([]);
  });

  it('requires a postcode in countries that have them', () => {
    expect(keys(validateShippingAddress(at({ countryIso2: 'FR', country: 'France', zip: '' })))).toEqual(['address:7:zip']);
  });

  it('does not require a postcode where there is none (or, for Ireland, where it is optional)', () => {
    for (const countryIso2 of ['IE', 'HK', 'AE']) {
      expect(validateShippingAddress(at({ countryIso2, country: '', zip: '' }))).toEqual([]);
    }
  });
});

describe('validateShippingAddress: country', () => {
  it.each([
    ['gb', 'GB'],
    [' Gb ', 'GB'],
    ['UK', 'GB'],
    ['ie', 'IE'],
  ])('reads countryIso2 %j as %s', (countryIso2, iso2) => {
    expect(resolveCountryIso2({ countryIso2, country: '' })).toBe(iso2);
  });

  it.each([
    ['United Kingdom', 'GB'],
    ['united  kingdom', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Ireland', 'IE'],
    ['United States', 'US'],
    ['USA', 'US'],
    ['Germany', 'DE'],
    ["Côte d'Ivoire", 'CI'],
    ['Cote dIvoire', 'CI'],
    ['The Netherlands', 'NL'],
    ['Czech Republic', 'CZ'],
    ['FR', 'FR'],
  ])('maps the country name %j to %s when no code is given', (country, iso2) => {
    expect(resolveCountryIso2({ countryIso2: '', country })).toBe(iso2);
    expect(validateShippingAddress(at({ countryIso2: '', country, zip: iso2 === 'GB' ? 'SW1A 2AA' : '12345' }))).toEqual([]);
  });

  it('rejects an unknown code', () => {
    expect(validateShippingAddress(at({ countryIso2: 'XX' }))).toEqual([
      expect.objectContaining({
        type: 'INVALID_ADDRESS',
        reasonKey: 'address:7:country',
        message: 'Country code "XX" is not a known ISO 3166 two-letter country code',
      }),
    ]);
    expect(keys(validateShippingAddress(at({ countryIso2: 'GBR' })))).toEqual(['address:7:country']);
    expect(keys(validateShippingAddress(at({ countryIso2: 'G1' })))).toEqual(['address:7:country']);
  });

  it('rejects an unknown name and a missing country', () => {
    expect(validateShippingAddress(at({ countryIso2: '', country: 'Narnia' }))).toMatchObject([
      { reasonKey: 'address:7:country', message: 'Country "Narnia" could not be matched to an ISO country code' },
    ]);
    expect(validateShippingAddress(at({ countryIso2: '', country: '' }))).toMatchObject([
      { reasonKey: 'address:7:country', message: 'Country is missing' },
    ]);
  });

  it('holds the full ISO list', () => {
    expect(ISO_COUNTRY_CODES.size).toBe(250); // 249 ISO codes + XK
    expect(countryCodeFromName('')).toBeNull();
  });
});

describe('validateShippingAddress: required fields and lengths', () => {
  it('reports every missing field at once, one problem per field', () => {
    const problems = validateShippingAddress(
      at({ firstName: '', lastName: ' ', street1: '', city: '', zip: '', countryIso2: '', country: '' }),
    );
    expect(keys(problems)).toEqual(['address:7:name', 'address:7:street1', 'address:7:city', 'address:7:country']);
    expect(problems.every((p) => p.type === 'INVALID_ADDRESS')).toBe(true);
  });

  it('accepts a first name or a last name alone', () => {
    expect(validateShippingAddress(at({ firstName: '' }))).toEqual([]);
    expect(validateShippingAddress(at({ lastName: '' }))).toEqual([]);
  });

  it('rejects too-long fields with the limit in the message', () => {
    const problems = validateShippingAddress(
      at({
        firstName: 'F'.repeat(51),
        street1: 'S'.repeat(101),
        street2: 'T'.repeat(100),
        city: 'C'.repeat(51),
        state: 'N'.repeat(51),
        phone: '0'.repeat(31),
        email: `${'e'.repeat(95)}@x.com`,
        company: 'Co'.repeat(51),
      }),
    );
    expect(keys(problems).sort()).toEqual(
      ['city', 'company', 'email', 'firstName', 'phone', 'state', 'street1'].map((f) => `address:7:${f}`).sort(),
    );
    expect(problems.find((p) => p.reasonKey === 'address:7:street1')?.message).toBe(
      'Address line 1 is 101 characters long; Whistl accepts at most 100',
    );
  });

  it('rejects a non-UK postcode longer than 12 characters', () => {
    expect(validateShippingAddress(at({ countryIso2: 'US', zip: '1234567890123' }))).toMatchObject([
      { reasonKey: 'address:7:zip', message: 'Postcode is 13 characters long; Whistl accepts at most 12' },
    ]);
  });

  it('measures lengths after collapsing whitespace', () => {
    expect(validateShippingAddress(at({ city: `${'C'.repeat(25)}      ${'D'.repeat(24)}` }))).toEqual([]);
  });

  it('publishes conservative limits', () => {
    expect(WHISTL_FIELD_LIMITS).toMatchObject({ firstName: 50, lastName: 50, street1: 100, city: 50, state: 50, zip: 12, phone: 30, email: 100 });
  });

  it('uses the label in messages and "shipping" in keys when there is no address id', () => {
    const problems = validateShippingAddress(postalAddress({ street1: '' }), 'Shipping address 2 of 2');
    expect(problems).toMatchObject([
      { reasonKey: 'address:shipping:street1', message: 'Shipping address 2 of 2: Address line 1 is missing' },
    ]);
  });
});

describe('normalisePostcode', () => {
  it.each([
    ['sw1a2aa', 'GB', 'SW1A 2AA'],
    ['  sw1a   2aa ', 'GB', 'SW1A 2AA'],
    ['je23ab', 'JE', 'JE2 3AB'],
    ['1012  js', 'NL', '1012 JS'],
    ['d02\u00A0x285', 'IE', 'D02 X285'],
    ['xx1', 'GB', 'XX1'],
    ['ab1 2cd', undefined, 'AB1 2CD'],
  ])('%j (%s) -> %j', (zip, country, expected) => {
    expect(normalisePostcode(zip, country)).toBe(expected);
  });
});
