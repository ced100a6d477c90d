import { GET as authGET } from '@/app/api/app/auth/route';
import { GET as loadGET } from '@/app/api/app/load/route';
import { GET as removeUserGET } from '@/app/api/app/remove-user/route';
import { GET as uninstallGET } from '@/app/api/app/uninstall/route';

/** Calls the real route handlers in-process, the way Next would. */
const APP = 'http://localhost:3000';

export const callbacks = {
  auth: (query: Record<string, string>) => authGET(new Request(`${APP}/api/app/auth?${new URLSearchParams(query)}`)),
  load: (jwt: string) => loadGET(new Request(`${APP}/api/app/load?signed_payload_jwt=${encodeURIComponent(jwt)}`)),
  uninstall: (jwt: string) => uninstallGET(new Request(`${APP}/api/app/uninstall?signed_payload_jwt=${encodeURIComponent(jwt)}`)),
  removeUser: (jwt: string) => removeUserGET(new Request(`${APP}/api/app/remove-user?signed_payload_jwt=${encodeURIComponent(jwt)}`)),
};

export function sessionFromRedirect(response: Response): string {
  const location = response.headers.get('location') ?? '';
  const token = location.match(/#session=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error(`No session in redirect to ${location}`);
  return token;
}

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** A panel API request with a session's bearer token. */
export function panelRequest(handler: Handler, token: string | null, path: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body) headers.set('content-type', 'application/json');
  return handler(new Request(`${APP}${path}`, { ...init, headers }), { params: Promise.resolve(params) });
}
