import { isValid as isValidUkPostcode, toNormalised as toNormalisedUkPostcode } from 'postcode';
import type { PostalAddress } from '../../bigcommerce/api/types';
import type { ExportProblem } from '../types';
import {
  countryCodeFromName,
  ISO_COUNTRY_CODES,
  POSTCODE_OPTIONAL_COUNTRIES,
  UK_POSTCODE_COUNTRIES,
} from './countries';

/**
 * Longest value sent to Whistl per address field, in characters. Whistl publishes no field
 * lengths, so these are conservative limits that fit common WMS and courier label fields: an
 * address that passes here should not be truncated or rejected downstream.
 */
export const WHISTL_FIELD_LIMITS = {
  firstName: 50,
  lastName: 50,
  company: 100,
  street1: 100,
  street2: 100,
  city: 50,
  state: 50,
  zip: 12,
  phone: 30,
  email: 100,
} as const;

/** The address fields a problem can be about; `name` means "first and last name both missing". */
export type AddressField = keyof typeof WHISTL_FIELD_LIMITS | 'name' | 'country';

const FIELD_LABELS: Record<AddressField, string> = {
  name: 'Recipient name',
  firstName: 'First name',
  lastName: 'Last name',
  company: 'Company',
  street1: 'Address line 1',
  street2: 'Address line 2',
  city: 'Town/city',
  state: 'County/state',
  zip: 'Postcode',
  country: 'Country',
  phone: 'Phone',
  email: 'Email',
};

/** Trimmed, with every run of whitespace (NBSP included) made one space. */
function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/\s+/gu, ' ').trim();
}

function length(value: string): number {
  return Array.from(value).length;
}

/** Postcode as sent: upper-case, single spaces; UK postcodes also get their standard space. */
export function normalisePostcode(zip: string, countryIso2?: string): string {
  const cleaned = clean(zip).toUpperCase();
  if (countryIso2 && UK_POSTCODE_COUNTRIES.has(countryIso2.trim().toUpperCase())) {
    return toNormalisedUkPostcode(cleaned) ?? cleaned;
  }
  return cleaned;
}

export type CountryResolution =
  | { ok: true; iso2: string }
  | { ok: false; reason: 'missing' | 'unknown-code' | 'unknown-name'; value: string };

/**
 * The address's ISO-2 country. `countryIso2` wins when set (upper-cased; "UK" is read as GB);
 * otherwise the country name is matched ("United Kingdom" -> GB).
 */
export function resolveCountry(address: Pick<PostalAddress, 'country' | 'countryIso2'>): CountryResolution {
  const code = clean(address.countryIso2).toUpperCase();
  if (code !== '') {
    const iso2 = code === 'UK' ? 'GB' : code;
    if (/^[A-Z]{2}$/.test(iso2) && ISO_COUNTRY_CODES.has(iso2)) return { ok: true, iso2 };
    return { ok: false, reason: 'unknown-code', value: code };
  }
  const name = clean(address.country);
  if (name === '') return { ok: false, reason: 'missing', value: '' };
  if (/^[A-Za-z]{2}$/.test(name) && ISO_COUNTRY_CODES.has(name.toUpperCase())) {
    return { ok: true, iso2: name.toUpperCase() };
  }
  const fromName = countryCodeFromName(name);
  return fromName ? { ok: true, iso2: fromName } : { ok: false, reason: 'unknown-name', value: name };
}

/** Convenience for the order builder: the ISO-2 code or null. */
export function resolveCountryIso2(address: Pick<PostalAddress, 'country' | 'countryIso2'>): string | null {
  const resolved = resolveCountry(address);
  return resolved.ok ? resolved.iso2 : null;
}

/**
 * Every reason the address cannot go to Whistl, one problem per field, all at once.
 *
 * Required: a recipient name (first or last), address line 1, town/city, country (a known ISO-2
 * code, or a name that maps to one), and a postcode except in POSTCODE_OPTIONAL_COUNTRIES. UK,
 * Guernsey, Jersey and Isle of Man postcodes must be valid UK postcodes (any case, with or without
 * the space). Every field must fit WHISTL_FIELD_LIMITS. Email and phone are optional.
 *
 * `address.orderAddressId` (present on shipping addresses) goes into the reason key
 * `address:<orderAddressId>:<field>`; `label` (e.g. "Shipping address 2") prefixes messages.
 */
export function validateShippingAddress(
  address: PostalAddress & { orderAddressId?: number },
  label?: string,
): ExportProblem[] {
  const addressKey = address.orderAddressId ?? 'shipping';
  const problems: ExportProblem[] = [];
  const problemFields = new Set<AddressField>();
  const add = (field: AddressField, message: string, detail: Record<string, unknown> = {}) => {
    if (problemFields.has(field)) return;
    problemFields.add(field);
    problems.push({
      type: 'INVALID_ADDRESS',
      reasonKey: `address:${addressKey}:${field}`,
      message: label ? `${label}: ${message}` : message,
      detail: { field, orderAddressId: address.orderAddressId ?? null, ...detail },
    });
  };

  const values = {
    firstName: clean(address.firstName),
    lastName: clean(address.lastName),
    company: clean(address.company),
    street1: clean(address.street1),
    street2: clean(address.street2),
    city: clean(address.city),
    state: clean(address.state),
    zip: clean(address.zip),
    phone: clean(address.phone),
    email: clean(address.email),
  };

  if (values.firstName === '' && values.lastName === '') {
    add('name', 'Recipient name is missing (first and last name are both empty)');
  }
  if (values.street1 === '') add('street1', 'Address line 1 is missing');
  if (values.city === '') add('city', 'Town/city is missing');

  const country = resolveCountry(address);
  if (!country.ok) {
    if (country.reason === 'missing') add('country', 'Country is missing');
    else if (country.reason === 'unknown-code') {
      add('country', `Country code "${country.value}" is not a known ISO 3166 two-letter country code`, {
        value: country.value,
      });
    } else {
      add('country', `Country "${country.value}" could not be matched to an ISO country code`, {
        value: country.value,
      });
    }
  }

  if (values.zip === '') {
    if (country.ok && !POSTCODE_OPTIONAL_COUNTRIES.has(country.iso2)) {
      add('zip', `Postcode is missing (required for ${country.iso2})`);
    }
  } else if (country.ok && UK_POSTCODE_COUNTRIES.has(country.iso2) && !isValidUkPostcode(values.zip)) {
    add('zip', `Postcode "${values.zip}" is not a valid UK postcode`, { value: values.zip, country: country.iso2 });
  }

  for (const field of Object.keys(WHISTL_FIELD_LIMITS) as (keyof typeof WHISTL_FIELD_LIMITS)[]) {
    const limit = WHISTL_FIELD_LIMITS[field];
    const actual = length(values[field]);
    if (actual > limit) {
      add(field, `${FIELD_LABELS[field]} is ${actual} characters long; Whistl accepts at most ${limit}`, {
        length: actual,
        limit,
      });
    }
  }
  return problems;
}
