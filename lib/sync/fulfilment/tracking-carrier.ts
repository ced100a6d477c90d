/**
 * BigCommerce only accepts an empty string or an AfterShip courier slug as `tracking_carrier`.
 * Whistl names courier services per account ("RM48", "DPDNEXT", ...), so only well-known
 * carriers are mapped; anything else sends "" and relies on the tracking link Whistl gives
 * (the service name still goes on the shipment as its shipping method).
 */
const CARRIER_SLUGS: ReadonlyArray<[RegExp, string]> = [
  [/^(RM|ROYAL\s*MAIL)/i, 'royal-mail'],
  [/^PARCEL\s*FORCE|^PF/i, 'parcel-force'],
  [/^DPD/i, 'dpd-uk'],
  [/^DHL/i, 'dhl'],
  [/^UPS/i, 'ups'],
  [/^FEDEX/i, 'fedex'],
  [/^YODEL/i, 'yodel'],
];

export function trackingCarrierSlug(courierServiceName: string | null): string {
  const name = courierServiceName?.trim() ?? '';
  if (!name) return '';
  return CARRIER_SLUGS.find(([pattern]) => pattern.test(name))?.[1] ?? '';
}
