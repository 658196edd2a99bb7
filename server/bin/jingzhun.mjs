#!/usr/bin/env node
/**
 * The `jingzhun` launcher (`pnpm jingzhun …`, issue 15 item 14): runs the built CLI at once when
 * the build is current, and builds first (tsc, output on stderr so `$(pnpm -s jingzhun token)`
 * stays a token) only when a source is newer than the last build. Current means: the CLI exists
 * and no file of server/src (tests aside) nor a tsconfig is newer than the stamp written after
 * the last build by this launcher (tsc's incremental build writes nothing when nothing changed,
 * so its own outputs cannot tell).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVER = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(SERVER, 'dist/cli/index.js');
const STAMP = join(SERVER, 'dist/.launcher-built');

/** Newest modification time (ms) of the build's inputs. */
function newestSource(dir = join(SERVER, 'src')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(CLI) || !existsSync(STAMP)) return true;
  const inputs = Math.max(newestSource(), statSync(join(SERVER, 'tsconfig.json')).mtimeMs, statSync(join(SERVER, '../tsconfig.base.json')).mtimeMs);
  return inputs > statSync(STAMP).mtimeMs;
}

if (stale()) {
  const started = Date.now();
  const tsc = join(SERVER, 'node_modules/typescript/bin/tsc');
  const built = spawnSync(process.execPath, [tsc, '-p', join(SERVER, 'tsconfig.json')], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0) process.exit(built.status ?? 1);
  // The stamp is the build's start: a source saved while tsc ran is seen as newer next time.
  writeFileSync(STAMP, `built by server/bin/jingzhun.mjs\n`);
  const { utimesSync } = await import('node:fs');
  utimesSync(STAMP, new Date(started), new Date(started));
}

await import(pathToFileURL(CLI).href);
