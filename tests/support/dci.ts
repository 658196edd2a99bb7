/**
 * DCI requests for tests (issue 17): envelopes `{header, message}` as a DCI client builds
 * them, POSTed to the started server's /dci/ endpoints with a bearer token; the answer's
 * HTTP status, content type and JSON.
 */
import { randomUUID } from 'node:crypto';
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
