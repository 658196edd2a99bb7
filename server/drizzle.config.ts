import { defineConfig } from 'drizzle-kit';

// Migrations are generated into the repository's top-level migrations/ folder and
// applied at start (server/src/db/migrate.ts) on both PGlite and PostgreSQL.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: '../migrations',
});
