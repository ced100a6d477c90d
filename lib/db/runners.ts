import type { PGlite } from '@electric-sql/pglite';
import type { Client } from 'pg';
import type { SqlRunner } from './migrate';

export function pgRunner(client: Client): SqlRunner {
  return {
    // No parameters: pg uses the simple query protocol, which accepts a multi-statement script.
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as Row[],
  };
}

export function pgliteRunner(pglite: PGlite): SqlRunner {
  return {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pglite.query<Row>(sql, params)).rows,
  };
}
