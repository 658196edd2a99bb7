/**
 * The checks of each request of a batch (search_request[i], subscribe_request[i]) that the
 * spec answers per request with a status reason, not for the whole message: a reference_id
 * empty or over 99 characters (rjct.reference_id.invalid) or repeated within the message
 * (rjct.reference_id.duplicate: the first one runs, the repeats are refused), a timestamp
 * more than 5 minutes ahead of the registry's clock (rjct.timestamp.invalid), and a reg_type
 * that is not this registry's (`ns:jingzhun:RegistryType:Social`; any `…:RegistryType:Social`
 * or `Social` is taken as the same, as OpenSPP and OpenG2P clients name it in their own
 * namespace).
 */
export const REG_TYPE = 'ns:jingzhun:RegistryType:Social';

const MAX_ID = 99;
export const MAX_SKEW_MS = 5 * 60_000;

export const isOurRegType = (t: string | undefined) => t === undefined || /^(.*:)?social$/i.test(t);

/** The status reason of a request of a batch that cannot run, or undefined; `seen` collects the reference ids so far. */
export function itemProblem(item: { reference_id: string; timestamp: string }, seen: Set<string>, now = Date.now()): { code: string; reason: string } | undefined {
  const ref = item.reference_id;
  if (ref.length === 0 || ref.length > MAX_ID) return { code: 'rjct.reference_id.invalid', reason: `reference_id must be 1–${MAX_ID} characters` };
  if (seen.has(ref)) return { code: 'rjct.reference_id.duplicate', reason: `reference_id ${ref} is used by an earlier request of this message: give each request of a batch its own` };
  seen.add(ref);
  if (Date.parse(item.timestamp) > now + MAX_SKEW_MS) return { code: 'rjct.timestamp.invalid', reason: `timestamp ${item.timestamp} is in the future: send the time the request was made` };
  return undefined;
}
