import path from 'node:path';
import { defineConfig } from 'prisma/config';

// `prisma generate` refuses to run until it finds a schema engine binary, and this project's
// machines cannot download one. A real binary configured by the user still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, 'scripts', 'prisma-engine-stub.sh');

export default defineConfig({
  schema: path.join(__dirname, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'prisma', 'migrations') },
});
