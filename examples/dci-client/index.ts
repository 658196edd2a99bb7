/**
 * A DCI client as a social-protection system (an SPMIS such as OpenSPP or OpenG2P) would
 * write one, with nothing but fetch: it obtains a bearer token from the registry's
 * authorisation API (OAuth2 client credentials), then searches the households of an area
 * through the DCI social-registry API — a predicate query, page by page — and prints
 * what it found.
 *
 *   DCI_URL=http://127.0.0.1:4000/dci DCI_CLIENT_ID=spmis DCI_CLIENT_SECRET=… pnpm start
 *
 * AREA (default 433124, 花垣县) and MAX_SIZE (the largest household to list, default 3) narrow it.
 */
import { randomUUID } from 'node:crypto';

const base = process.env.DCI_URL ?? 'http://127.0.0.1:4000/dci';
const area = process.env.AREA ?? '433124';
const maxSize = process.env.MAX_SIZE ?? '3';

async function token(): Promise<string> {
  const res = await fetch(`${base}/oauth2/client/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: process.env.DCI_CLIENT_ID ?? '', client_secret: process.env.DCI_CLIENT_SECRET ?? '' }),
  });
  const body = await res.json() as { access_token?: string; expires_in?: string; error_description?: string };
  if (!res.ok || !body.access_token) throw new Error(`no token (${res.status}): ${body.error_description}`);
  console.log(`token: valid for ${body.expires_in} s`);
  return body.access_token;
}

/** One page of the search, synchronously (/registry/sync/search). */
async function page(bearer: string, pageNumber: number) {
  const now = new Date().toISOString();
  const envelope = {
    header: { version: '1.0.0', message_id: randomUUID(), message_ts: now, action: 'search', sender_id: 'example.spmis', total_count: 1 },
    message: {
      transaction_id: randomUUID(),
      search_request: [{
        reference_id: `page-${pageNumber}`, timestamp: now, locale: 'eng',
        search_criteria: {
          reg_type: 'ns:jingzhun:RegistryType:Social', query_type: 'predicate', response_entity: 'Group',
          query: [{ seq_num: 1, expression1: { attribute_name: 'location', operator: 'eq', attribute_value: area }, condition: 'and', expression2: { attribute_name: 'group_size', operator: 'le', attribute_value: maxSize } }],
          sort: [{ attribute_name: 'household_number', sort_order: 'asc' }],
          pagination: { page_size: 50, page_number: pageNumber },
        },
      }],
    },
  };
  const res = await fetch(`${base}/registry/sync/search`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` }, body: JSON.stringify(envelope) });
  const body = await res.json() as any;
  if (res.status !== 200) throw new Error(`search refused (${res.status}): ${body.message?.error?.code} ${body.message?.error?.message}`);
  const answer = body.message.search_response[0];
  if (answer.status !== 'succ') throw new Error(`search rejected: ${answer.status_reason_code} ${answer.status_reason_message}`);
  return answer as { pagination: { total_count: number; page_size: number }; data: { reg_records: any[] } };
}

const bearer = await token();
let seen = 0;
for (let n = 1; ; n++) {
  const p = await page(bearer, n);
  if (n === 1) console.log(`households in ${area} with at most ${maxSize} members: ${p.pagination.total_count}`);
  for (const g of p.data.reg_records) {
    const pseudonymous = g.member_list.every((m: any) => m.demographic_info.name === undefined);
    console.log(`group ${g.group_identifier[0].identifier_value} size ${g.group_size} members ${g.member_list.length}${pseudonymous ? ' (pseudonymous)' : ''}`);
  }
  seen += p.data.reg_records.length;
  if (seen >= p.pagination.total_count || p.data.reg_records.length === 0) break;
}
console.log(`listed ${seen}`);
