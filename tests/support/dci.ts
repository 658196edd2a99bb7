/**
 * DCI requests for tests (issue 17): envelopes `{header, message}` as a DCI client builds
 * them, POSTed to the started server's /dci/ endpoints with a bearer token; the answer's
 * HTTP status, content type and JSON.
 */
import { createHash, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import { server } from './context.js';

export const base = () => server().url.replace(/\/graphql$/, '/dci');
const iso = () => new Date().toISOString();

export function envelope<M>(action: string, message: M, header: Record<string, unknown> = {}) {
  return { header: { version: '1.0.0', message_id: randomUUID(), message_ts: iso(), action, sender_id: 'test.spmis', total_count: 1, ...header }, message };
}

/** A search message of one request with these criteria (query_type and query at least). */
export function searchMessage(criteria: Record<string, unknown>, referenceId = 'ref-1') {
  return {
    transaction_id: `t-${randomUUID()}`,
    search_request: [{ reference_id: referenceId, timestamp: iso(), search_criteria: { version: '1.0.0', reg_type: 'ns:jingzhun:RegistryType:Social', ...criteria }, locale: 'eng' }],
  };
}

export interface DciAnswer { status: number; type: string; json: any }

export async function dciPost(path: string, body: unknown, token?: string, raw = false): Promise<DciAnswer> {
  const res = await fetch(`${base()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', json: JSON.parse(text) };
}

/** A synchronous search's single response item. */
export async function syncSearch(token: string, criteria: Record<string, unknown>) {
  const a = await dciPost('/registry/sync/search', envelope('search', searchMessage(criteria)), token);
  if (a.status !== 200) throw new Error(`sync search answered ${a.status}: ${JSON.stringify(a.json)}`);
  return a.json.message.search_response[0];
}

/** The value of a named additional attribute of a Group record. */
export const attr = (record: { additional_attributes: { name: string; value: unknown }[] }, name: string) => record.additional_attributes.find((a) => a.name === name)?.value;

/** A DCI MsgSignature (ed25519) of header+message, as a signing client makes it: see README "DCI social-registry API". */
export function signDci(key: KeyObject, header: unknown, message: unknown, kid = 'test|k1|ed25519'): string {
  const created = String(Math.floor(Date.now() / 1000));
  const expires = String(Number(created) + 300);
  const digest = `BLAKE-512=${createHash('blake2b512').update(JSON.stringify({ header, message })).digest('base64')}`;
  const signature = sign(null, Buffer.from(`(created): ${created}\n(expires): ${expires}\ndigest: ${digest}`), key).toString('base64');
  return `Signature: namespace="spdci", kidId="${kid}", algorithm="ed25519", created="${created}", expires="${expires}", headers="(created) (expires) digest", signature="${signature}"`;
}

/** Whether `signature` is the holder of `publicKey`'s signature of header+message. */
export function verifyDci(publicKey: KeyObject, signature: string, header: unknown, message: unknown): boolean {
  const f = Object.fromEntries([...signature.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const digest = `BLAKE-512=${createHash('blake2b512').update(JSON.stringify({ header, message })).digest('base64')}`;
  return verify(null, Buffer.from(`(created): ${f.created}\n(expires): ${f.expires}\ndigest: ${digest}`), publicKey, Buffer.from(f.signature ?? '', 'base64'));
}
