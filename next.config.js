/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  compiler: { styledComponents: true },
  // The build checks the app's own code; `npm run typecheck` (tsconfig.json) also covers tests, scripts and the sandbox.
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg'],
  // Fixed security headers on every response (the same values as STATIC_SECURITY_HEADERS in
  // lib/web/security-headers.ts; a test keeps them equal). headers() is evaluated at build time,
  // so nothing here may depend on deployment settings: the frame-ancestors policy, which reads
  // FRAME_ANCESTORS, is set per request in proxy.ts. No X-Frame-Options: it would block the
  // control panel's iframe.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // The session token rides in the URL fragment: send no referrer at all.
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
