/**
 * Response headers that keep the panel safe inside BigCommerce's control panel.
 *
 * - `Content-Security-Policy: frame-ancestors`: only BigCommerce's control panel may frame the
 *   panel (clickjacking). The control panel is served from `store-<hash>.mybigcommerce.com/manage`
 *   and BigCommerce's own hosts under `bigcommerce.com` (login, app marketplace, newer admin hosts),
 *   so both wildcards are allowed and nothing else. X-Frame-Options is deliberately NOT sent: it
 *   cannot name another origin and would block the control panel.
 * - Extra origins come from FRAME_ANCESTORS (space-separated), for a local stand-in of the
 *   control panel in browser tests. Each must be a plain origin (`https://host[:port]`, optionally
 *   `https://*.host`); anything else (`*`, keywords, paths, `data:`) is ignored, never widening the policy.
 * - `X-Content-Type-Options: nosniff` and `Referrer-Policy: no-referrer` (the session token is
 *   in the URL fragment; no referrer means no URL of the panel leaves the page).
 *
 * This module has no server-only imports: proxy.ts (request time) and next.config.js use it.
 */
export const BIGCOMMERCE_FRAME_ANCESTORS = ['https://*.bigcommerce.com', 'https://*.mybigcommerce.com'] as const;

const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?\/?$/i;

/** True when `value` is an origin a frame-ancestors list may safely name. */
export function isFrameAncestorOrigin(value: string): boolean {
  return ORIGIN.test(value);
}

/** Splits FRAME_ANCESTORS into valid origins and the tokens that are not. */
export function parseFrameAncestors(value: string | undefined): { origins: string[]; invalid: string[] } {
  const tokens = (value ?? '').split(/\s+/).filter((token) => token !== '');
  return {
    origins: tokens.filter(isFrameAncestorOrigin).map((token) => token.replace(/\/$/, '')),
    invalid: tokens.filter((token) => !isFrameAncestorOrigin(token)),
  };
}

export function frameAncestorsPolicy(extra: string | undefined): string {
  const origins = [...new Set([...BIGCOMMERCE_FRAME_ANCESTORS, ...parseFrameAncestors(extra).origins])];
  return `frame-ancestors ${origins.join(' ')}`;
}

/** Headers every response carries (next.config.js sets these; they do not depend on configuration). */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
