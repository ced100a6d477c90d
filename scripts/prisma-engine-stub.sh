#!/bin/sh
# Stands in for Prisma's native schema engine, which these machines cannot download.
# `prisma generate` only checks that an engine exists; migrations run through scripts/db-migrate.ts.
if [ "$1" = "--version" ]; then
  echo "schema-engine-stub 7.10.0"
  exit 0
fi
echo "The native Prisma schema engine is not installed here. Use 'npm run db:migrate' (apply) or 'npm run db:diff' (create a migration)." >&2
exit 1
