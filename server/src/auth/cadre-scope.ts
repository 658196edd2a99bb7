/**
 * A cadre token's scope, resolved once per request (and once per WebSocket operation)
 * by `cadres.subject = sub` (issue 4, "a cadre cannot see a household they do not
 * serve"): a registered cadre reaches the villages of their current work teams
 * 驻村工作队 (`areas`) and the households of their current pairings 结对帮扶
 * (`cadreId`, added as a subquery by auth/scope.ts); the villages named in the token
 * are then ignored. A cadre token whose subject is not a registered cadre keeps the
 * villages its token names (the earlier behaviour); with none, it is refused.
 */
import type { Caller } from './caller.js';
import type { Db } from '../db/client.js';
import { unauthenticated } from '../graphql/errors.js';
import { cadreStore } from '../modules/cadre/cadre.store.js';

export async function resolveCadre(db: Db, caller: Caller): Promise<Caller> {
  if (caller.role !== 'cadre') return caller;
  const row = await cadreStore.scopeOf(db, caller.id);
  if (row) return { ...caller, cadreId: row.id, areas: row.villages };
  if (caller.areas.length === 0) {
    throw unauthenticated(`the token's subject "${caller.id}" is not a registered cadre and the token names no villages: ask the county office to register you (registerCadre with your subject) or for a token naming your villages`);
  }
  return caller;
}
