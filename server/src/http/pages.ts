/**
 * What a browser sees of the server (issue 15, item 13): `GET /` is a start page that says
 * what the service is and links the explorer (when it is served), the SDK's README
 * (`/sdk/README.md`, from the checkout the server runs in) and the health checks;
 * `GET /graphql` from a browser is the explorer (./explorer.ts) and /explorer/* its files.
 * `handlePage` answers these and returns true, or returns false for every other request.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { REPO_ROOT } from '../config.js';
import { sendExplorer, sendExplorerAsset, wantsExplorer } from './explorer.js';

export interface PageOptions {
  /** Serve the explorer (INTROSPECTION). */
  explorer: boolean;
  /** A development token for the explorer's headers; absent in production and with a configured secret. */
  devToken?: () => Promise<string>;
}

const SDK_README = join(REPO_ROOT, 'sdk/README.md');

function startPage(o: PageOptions) {
  const sdk = existsSync(SDK_README);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Jingzhun 精准 — poverty alleviation registry API</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 46em; margin: 3em auto; padding: 0 1em; } code { background: #f3f3f3; padding: 0 .2em; }</style></head>
<body>
<h1>Jingzhun 精准</h1>
<p>The registry behind targeted poverty alleviation 精准扶贫 (建档立卡): poor households and their members,
poor villages, causes of poverty, assistance and the cadres responsible — as one GraphQL API at
<code>/graphql</code>, with a typed TypeScript SDK. Every caller sees only their own area; send a bearer
token (<code>Authorization: Bearer &lt;token&gt;</code>)${o.devToken ? '; in development <code>pnpm jingzhun token --role official</code> prints one, and the explorer has one filled in' : ''}.</p>
<ul>
${o.explorer ? '<li><a href="/graphql">API explorer</a> (GraphiQL, served by this server: works offline)</li>' : '<li>The API explorer is off on this server (set <code>INTROSPECTION=true</code> to serve it).</li>'}
${sdk ? '<li><a href="/sdk/README.md">SDK documentation</a> (<code>@jingzhun/sdk</code>)</li>' : ''}
<li><a href="/healthz">Health check</a> (<code>/healthz</code>: the process is up) and <a href="/readyz">readiness</a> (<code>/readyz</code>: the database answers)</li>
</ul>
</body>
</html>`;
}

export async function handlePage(req: IncomingMessage, res: ServerResponse, url: URL, o: PageOptions): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(startPage(o));
    return true;
  }
  if (url.pathname === '/sdk/README.md' && existsSync(SDK_README)) {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(readFileSync(SDK_README));
    return true;
  }
  if (url.pathname === '/graphql' && wantsExplorer(req, url)) {
    await sendExplorer(res, o.explorer, o.devToken);
    return true;
  }
  return o.explorer && sendExplorerAsset(req, res, url.pathname);
}
