/**
 * The vendored DCI specification (server/spec/dci/social_api_v1.0.0.yaml, OpenAPI 3) compiled
 * with ajv: requests are validated against the spec's own schemas, not a copy of them.
 * OpenAPI's extra keywords (example, x-…) are ignored (strict: false); `date-time` and `uri`
 * are checked (ajv-formats); `int32` and `binary` are accepted as OpenAPI describes them.
 * Each validator returns the spec's problems as "path: message" lines a sender can act on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from '../../config.js';

export const SPEC_DIR = join(REPO_ROOT, 'server', 'spec', 'dci');

const spec = parse(readFileSync(join(SPEC_DIR, 'social_api_v1.0.0.yaml'), 'utf8')) as { components: unknown; paths: unknown };
const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as { default: (a: Ajv) => void }).default?.(ajv) ?? (addFormatsModule as unknown as (a: Ajv) => void)(ajv);
ajv.addFormat('int32', true);
ajv.addFormat('binary', true);
ajv.addSchema({ $id: 'dci', components: spec.components, paths: spec.paths });

const schema = (name: string): ValidateFunction => {
  const v = ajv.getSchema(`dci#/components/schemas/${name}`);
  if (!v) throw new Error(`the DCI spec has no schema ${name}`);
  return v;
};

export const validators = {
  header: schema('MsgHeader_V1.0.0'),
  search: schema('SearchRequest'),
  subscribe: schema('SubscribeRequest'),
  unsubscribe: schema('UnSubscribeRequest'),
  txnStatus: schema('TxnStatusRequest'),
  /** What we send to a subscriber (the body of /registry/notify); checked by tests. */
  notify: schema('NotifyEventRequest'),
};
export type MessageKind = Exclude<keyof typeof validators, 'header' | 'notify'>;

/** The callback paths of the spec, by the action of the body we POST there. */
export const CALLBACK_PATHS = {
  'on-search': '/registry/on-search',
  'on-subscribe': '/registry/on-subscribe',
  'on-unsubscribe': '/registry/on-unsubscribe',
  'txn-on-status': '/registry/txn/on-status',
  notify: '/registry/notify',
} as const;

/**
 * The validator of the whole JSON body the spec expects at `path` (signature, header, message):
 * the request body of a callback path, or the answer (`default`) of a sync one. Used by tests to hold
 * every body we send to the spec.
 */
export function bodySchema(path: string, part: 'request' | 'response'): ValidateFunction {
  const p = path.replace(/~/g, '~0').replace(/\//g, '~1');
  const at = part === 'request' ? 'requestBody' : 'responses/default';
  const v = ajv.getSchema(`dci#/paths/${p}/post/${at}/content/application~1json/schema`);
  if (!v) throw new Error(`the DCI spec has no ${part} body for ${path}`);
  return v;
}

/** The first problems (at most 5) of a failed validation, as "path: message". */
export function describe(errors: ErrorObject[] | null | undefined, root: string): string[] {
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const path = `${root}${e.instancePath.replace(/\//g, '.')}`;
    const extra = e.keyword === 'enum' ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
    seen.add(`${path}: ${e.message}${extra}`);
    if (seen.size >= 5) break;
  }
  return [...seen];
}

/** Problems of `value` against a spec schema; empty when it is valid. */
export function check(v: ValidateFunction, value: unknown, root: string): string[] {
  return v(value) ? [] : describe(v.errors, root);
}
