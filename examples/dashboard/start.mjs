/**
 * Starts the dashboard against a running Jingzhun server: Vite serves the page and passes
 * /graphql through to JINGZHUN_URL (default http://127.0.0.1:4000/graphql), so the page
 * talks to the API from its own origin. JINGZHUN_TOKEN is an analyst's token; without
 * one, a development token for an analyst of AREA (default 433124) is made with the
 * server's CLI (it reads the development secret of the local data folder).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const root = import.meta.dirname;
const api = new URL(process.env.JINGZHUN_URL ?? 'http://127.0.0.1:4000/graphql');
const area = process.env.AREA ?? '433124';
const token = process.env.JINGZHUN_TOKEN ?? execFileSync(process.execPath, [resolve(root, '../../server/dist/cli/index.js'), 'token', '--role', 'analyst', '--area', area], { cwd: resolve(root, '../..'), encoding: 'utf8' }).trim().split('\n').pop();

const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  define: { __JINGZHUN_TOKEN__: JSON.stringify(token), __JINGZHUN_AREA__: JSON.stringify(area), __JINGZHUN_YEAR__: JSON.stringify(process.env.YEAR ?? '') },
  resolve: { conditions: ['browser'] },
  server: { host: '127.0.0.1', port: Number(process.env.PORT ?? 5173), strictPort: false, proxy: { '/graphql': api.origin, '/statistics.csv': api.origin } },
});
await server.listen();
console.log(`dashboard at ${server.resolvedUrls.local[0]} (API ${api.href}, area ${area})`);
