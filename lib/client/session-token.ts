/**
 * The panel's bearer token. The load callback hands it over in the URL fragment; we strip it
 * from the address bar at once and keep it in memory, plus sessionStorage where the browser
 * allows it. Inside the control panel's cross-site iframe some browsers deny storage outright
 * (reading it throws): the in-memory copy still carries every in-app navigation, and a full
 * reload there asks the user to reopen the app from the control panel.
 */
const STORAGE_KEY = 'whistl-connector.session';
let inMemory: string | null = null;

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function captureSessionFromLocation(): string | null {
  if (typeof window === 'undefined') return null;
  const match = window.location.hash.match(/(?:^#|&)session=([A-Za-z0-9_-]+)/);
  if (match?.[1]) {
    inMemory = match[1];
    try {
      storage()?.setItem(STORAGE_KEY, match[1]);
    } catch {
      // Storage full or blocked: memory is enough for this page's life.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return inMemory;
  }
  return currentSessionToken();
}

export function currentSessionToken(): string | null {
  if (typeof window === 'undefined') return null;
  if (inMemory) return inMemory;
  try {
    inMemory = storage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    inMemory = null;
  }
  return inMemory;
}
