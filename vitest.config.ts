import { defineConfig } from 'vitest/config';

// Three projects: unit tests of the domain rules, and the same black-box suite
// against a started server on PGlite and on the real PostgreSQL (each run in a
// database of its own, dropped afterwards).
const e2e = { include: ['tests/e2e/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 };

export default defineConfig({
  // One copy of graphql for everything (STACK.md trap 1).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['server/src/**/*.test.ts', 'tests/unit/**/*.test.ts'] } },
      { extends: true, test: { ...e2e, name: 'pglite', globalSetup: ['tests/setup/pglite.ts'] } },
      { extends: true, test: { ...e2e, name: 'pg', globalSetup: ['tests/setup/pg.ts'] } },
    ],
  },
});
