/**
 * The panel's bearer token. The load callback hands it over in the URL fragment; we keep it in
 * sessionStorage (per tab, works in the control panel's iframe where cookies may be blocked) and
 * strip it from the address bar at once.
 */
const STORAGE_KEY = 'whistl-connector.session';

export function captureSessionFromLocation(): string | null {
  if (typeof window === 'undefined') return null;
  const match = window.location.hash.match(/(?:^#|&)session=([A-Za-z0-9_-]+)/);
  if (match?.[1]) {
    window.sessionStorage.setItem(STORAGE_KEY, match[1]);
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return window.sessionStorage.getItem(STORAGE_KEY);
}

export function currentSessionToken(): string | null {
  if (typeof window === 'undefined') return null;
  return window.sessionStorage.getItem(STORAGE_KEY);
}
