/**
 * The API explorer at `GET /graphql` for a browser (issue 15, item 13): GraphiQL served by
 * this server from its own dependencies (graphiql's and React's UMD builds, under
 * /explorer/), so it works offline and sends nothing anywhere but to this server — no CDN,
 * no telemetry (GraphiQL has none; its Content-Security-Policy allows only this origin).
 *
 * With a development token (`devToken`, only where `jingzhun serve` prints one: the
 * generated development secret outside production) the page comes with that token in its
 * headers and example operations in its tabs; otherwise it opens empty. Whether the
 * explorer is served at all follows INTROSPECTION (it needs the schema): without it a
 * browser is told how to turn it on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_COUNTY } from '../cli/demo-area.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The files under /explorer/: name → where it is on disk. */
const ASSETS: Record<string, () => string> = {
  'graphiql.min.js': () => join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': () => join(packageDir('graphiql'), 'graphiql.min.css'),
  'react.production.min.js': () => join(packageDir('react'), 'umd/react.production.min.js'),
  'react-dom.production.min.js': () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
  'explorer.js': () => resolve(dirname(fileURLToPath(import.meta.url)), '../../assets/explorer.js'),
};
const loaded = new Map<string, { body: Buffer; gzip: Buffer }>();

/** Serves /explorer/<name> (read and compressed once); false for any other path. */
export function sendExplorerAsset(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
  const name = pathname.slice('/explorer/'.length);
  const locate = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!pathname.startsWith('/explorer/') || !locate) return false;
  let file = loaded.get(name);
  if (!file) {
    const body = readFileSync(locate());
    loaded.set(name, (file = { body, gzip: gzipSync(body) }));
  }
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    vary: 'accept-encoding',
    ...(gzip && { 'content-encoding': 'gzip' }),
  });
  res.end(gzip ? file.gzip : file.body);
  return true;
}

/** Example operations of the development explorer's tabs. */
const EXAMPLES = [
  {
    query: `# Households of 花垣县 (${DEMO_COUNTY}) under 2,000 yuan per person, with their village and causes.
# Run it with ▶ (Ctrl-Enter); the token is in Headers below.
query Households($filter: HouseholdFilterInput, $first: Int, $after: String) {
  households(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { number status causes village { name } }
  }
}`,
    variables: JSON.stringify({ filter: { areaCode: DEMO_COUNTY, perCapitaIncomeMax: 2000 }, first: 10 }, null, 2),
  },
  { query: '# Who the token in Headers is, and where it reaches.\nquery Viewer {\n  viewer { id role areaCodes canSeePersonalData }\n}' },
  { query: `# The county's townships.\nquery Townships {\n  area(code: "${DEMO_COUNTY}") { name children { code name } }\n}` },
];

/** What the page's script (assets/explorer.js) starts GraphiQL with. */
export function explorerSettings(devToken: string | undefined) {
  const headers = devToken ? JSON.stringify({ authorization: `Bearer ${devToken}` }, null, 2) : '';
  return devToken
    ? { url: '/graphql', headers, tabs: EXAMPLES.map((t) => ({ ...t, headers })) }
    : { url: '/graphql', headers: '', tabs: [{ query: '# Put your token in Headers below: {"authorization": "Bearer <token>"}\n' }] };
}

const CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

/** Whether a GET /graphql comes from a browser opening the page (not a GraphQL GET request). */
export const wantsExplorer = (req: IncomingMessage, url: URL) =>
  req.method === 'GET' && !url.searchParams.has('query') && /text\/html/.test(String(req.headers.accept ?? ''));

export async function sendExplorer(res: ServerResponse, enabled: boolean, devToken?: () => Promise<string>) {
  if (!enabled) {
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    return res.end('<!doctype html><meta charset="utf-8"><title>Explorer off</title><p>The API explorer is off on this server: it needs schema introspection, off in production. Set <code>INTROSPECTION=true</code> to serve it. The API itself answers POST /graphql; see <a href="/">the start page</a>.</p>');
  }
  // "<" escaped: the settings sit inside a <script> element.
  const settings = JSON.stringify(explorerSettings(devToken ? await devToken() : undefined)).replace(/</g, '\\u003c');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, 'cache-control': 'no-store' });
  res.end(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Jingzhun API explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.min.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading the explorer…</div>
<script id="explorer-settings" type="application/json">${settings}</script>
<script src="/explorer/react.production.min.js"></script>
<script src="/explorer/react-dom.production.min.js"></script>
<script src="/explorer/graphiql.min.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>`);
}
