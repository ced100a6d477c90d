import { NextResponse } from 'next/server';
import { frameAncestorsPolicy } from './lib/web/security-headers';

/**
 * Sets the panel's frame-ancestors policy per request. It lives here rather than in
 * next.config.js `headers()` because Next evaluates `headers()` at build time (the result is
 * frozen into the build's routes manifest), while FRAME_ANCESTORS is deployment configuration
 * read when the server runs. Proxy runs on the Node.js runtime, so process.env is the live one.
 * The static headers (nosniff, no-referrer) stay in next.config.js and cover every path.
 */
export function proxy(): NextResponse {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', frameAncestorsPolicy(process.env.FRAME_ANCESTORS));
  return response;
}

export const config = {
  // Pages only: API responses are JSON or plain text and never framed, and keeping the proxy off
  // /api means request bodies (webhooks) are not buffered through it. Static assets are skipped.
  matcher: ['/((?!api/|_next/static|_next/image|favicon.ico).*)'],
};
