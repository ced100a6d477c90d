/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  compiler: { styledComponents: true },
  // The build checks the app's own code; `npm run typecheck` (tsconfig.json) also covers tests, scripts and the sandbox.
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  // PGlite ships WebAssembly and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', 'pg'],
};

module.exports = nextConfig;
