/**
 * Checks of a webhook registration: an http(s) URL, a secret long enough to sign
 * with, well-formed event types, and an area inside the caller's. Each problem
 * names the field and says what to enter.
 */
import { inScope, type Caller } from '../../auth/caller.js';
import type { FieldProblem } from '../../graphql/errors.js';
import type { RegisterWebhookInput } from './webhook.input.js';

const EVENT_TYPE = /^[a-z]+\.[a-zA-Z]+$/;
export const MIN_SECRET = 16;
const MAX_SECRET = 200;
const MAX_URL = 2000;
const MAX_TYPES = 50;

function urlProblems(url: string): FieldProblem[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [{ field: 'input.url', reason: `"${url.slice(0, 100)}" is not a URL: give an absolute http:// or https:// address` }];
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return [{ field: 'input.url', reason: `must be http:// or https://, not ${u.protocol}//` }];
  if (url.length > MAX_URL) return [{ field: 'input.url', reason: `must be at most ${MAX_URL} characters` }];
  if (u.username || u.password) return [{ field: 'input.url', reason: 'must not carry a user name or password: the signature authenticates the registry' }];
  return [];
}

/** A donor's endpoint receives the needs that match its interests: the type need.published, and no area of its own. */
export const DONOR_EVENT_TYPES = ['need.published'];
function donorProblems(input: RegisterWebhookInput): FieldProblem[] {
  const p: FieldProblem[] = [];
  if ((input.eventTypes ?? []).some((t) => !DONOR_EVENT_TYPES.includes(t))) p.push({ field: 'input.eventTypes', reason: 'a donor\'s webhook delivers only need.published (the needs that match your interests): leave eventTypes out' });
  if (input.areaCode !== undefined) p.push({ field: 'input.areaCode', reason: 'a donor\'s webhook follows your interests: set the areas you help with setDonorInterests, and leave areaCode out' });
  return p;
}

export function registrationProblems(caller: Caller, input: RegisterWebhookInput): FieldProblem[] {
  const p = urlProblems(input.url);
  if (input.secret.length < MIN_SECRET || input.secret.length > MAX_SECRET) {
    p.push({ field: 'input.secret', reason: `give ${MIN_SECRET}–${MAX_SECRET} characters (e.g. openssl rand -hex 32)` });
  }
  const types = input.eventTypes ?? [];
  if (types.length > MAX_TYPES) p.push({ field: 'input.eventTypes', reason: `at most ${MAX_TYPES} types; leave it out for all` });
  types.forEach((t, i) => {
    if (!EVENT_TYPE.test(t)) p.push({ field: `input.eventTypes[${i}]`, reason: `"${t}" is not an event type: write it as entity.event, e.g. household.registered` });
  });
  if (caller.role === 'donor') return [...p, ...donorProblems(input)];
  const area = input.areaCode;
  if (area !== undefined) {
    if (!/^\d{0,12}$/.test(area)) p.push({ field: 'input.areaCode', reason: `"${area}" is not a code prefix, e.g. 433124 for 花垣县` });
    else if (!inScope(caller, area)) p.push({ field: 'input.areaCode', reason: `is outside your area (${caller.areas.map((a) => a || 'national').join(', ')})` });
  }
  return p;
}
