// Copies the server's bulk-path answer types (server/src/modules/bulk/bulk.contract.ts) into
// src/generated/bulk.ts, so the SDK's types are the server's own: `pnpm check:contract`
// regenerates and fails when the committed copy differs. Run by `pnpm generate`.
import { readFileSync, writeFileSync } from 'node:fs';

const source = new URL('../server/src/modules/bulk/bulk.contract.ts', import.meta.url);
const header = '/* eslint-disable */\n// GENERATED from server/src/modules/bulk/bulk.contract.ts by sdk/copy-contract.mjs: do not edit.\n';
writeFileSync(new URL('./src/generated/bulk.ts', import.meta.url), header + readFileSync(source, 'utf8'));
