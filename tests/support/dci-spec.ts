/**
 * The vendored DCI spec's body schemas (server/spec/dci/social_api_v1.0.0.yaml, compiled with ajv
 * by the built server's dci.spec.js: the spec itself, not a copy): `callbackProblems` says what
 * in a body we POSTed to a receiver does not match the spec's request body for its action's
 * path (on-search, on-subscribe, on-unsubscribe, txn-on-status, notify); `syncProblems` the same
 * for the answer of a sync endpoint. Empty when the body conforms.
 */
import { bodySchema, CALLBACK_PATHS, check } from '../../server/dist/modules/dci/dci.spec.js';

export function callbackProblems(body: any): string[] {
  const path = CALLBACK_PATHS[body?.header?.action as keyof typeof CALLBACK_PATHS];
  if (!path) return [`header.action "${body?.header?.action}" is not a callback of the spec`];
  return check(bodySchema(path, 'request'), body, path);
}

export function syncProblems(path: '/registry/sync/search' | '/registry/sync/txn/status', body: unknown): string[] {
  return check(bodySchema(path, 'response'), body, path);
}
