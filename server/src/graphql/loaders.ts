/** Fresh DataLoaders for one request, one group per domain module. */
import type { Caller } from '../auth/caller.js';
import type { Db } from '../db/client.js';
import { areaLoaders } from '../modules/area/area.loaders.js';
import { villageLoaders } from '../modules/village/village.loaders.js';
import { householdLoaders } from '../modules/household/household.loaders.js';
import { memberLoaders } from '../modules/member/member.loaders.js';
import { programmeLoaders } from '../modules/programme/programme.loaders.js';
import { benefitLoaders } from '../modules/benefit/benefit.loaders.js';
import { standardLoaders } from '../modules/standard/standard.loaders.js';
import { qualityLoaders } from '../modules/quality/quality.loaders.js';
import { cadreLoaders } from '../modules/cadre/cadre.loaders.js';
import { pairingLoaders } from '../modules/pairing/pairing.loaders.js';
import { workTeamLoaders } from '../modules/workteam/workteam.loaders.js';
import { visitLoaders } from '../modules/visit/visit.loaders.js';
import { caseLoaders } from '../modules/case/case.loaders.js';
import { historyLoaders } from '../modules/history/history.loaders.js';
import { provincialLoaders } from '../modules/provincial/provincial.loaders.js';
import { roundLoaders } from '../modules/round/round.loaders.js';
import { monitoringLoaders } from '../modules/monitoring/monitoring.loaders.js';
import { eligibilityLoaders } from '../modules/eligibility/eligibility.loaders.js';
import { measureLoaders } from '../modules/measure/measure.loaders.js';
import { donationLoaders } from '../modules/donation/donation.loaders.js';
import { fundsLoaders } from '../modules/funds/funds.loaders.js';

/** Each module's loader group, made on first use in a request (most requests touch two or three of the twenty-one). */
const GROUPS = {
  area: (db: Db) => areaLoaders(db),
  village: (db: Db, caller: Caller) => villageLoaders(db, caller),
  household: (db: Db, caller: Caller) => householdLoaders(db, caller),
  member: (db: Db, caller: Caller) => memberLoaders(db, caller),
  programme: (db: Db, caller: Caller) => programmeLoaders(db, caller),
  benefit: (db: Db, caller: Caller) => benefitLoaders(db, caller),
  standard: (db: Db) => standardLoaders(db),
  quality: (db: Db, caller: Caller) => qualityLoaders(db, caller),
  cadre: (db: Db, caller: Caller) => cadreLoaders(db, caller),
  pairing: (db: Db, caller: Caller) => pairingLoaders(db, caller),
  workTeam: (db: Db, caller: Caller) => workTeamLoaders(db, caller),
  visit: (db: Db, caller: Caller) => visitLoaders(db, caller),
  case: (db: Db, caller: Caller) => caseLoaders(db, caller),
  history: (db: Db, caller: Caller) => historyLoaders(db, caller),
  provincial: (db: Db) => provincialLoaders(db),
  round: (db: Db, caller: Caller) => roundLoaders(db, caller),
  monitoring: (db: Db, caller: Caller) => monitoringLoaders(db, caller),
  eligibility: (db: Db) => eligibilityLoaders(db),
  measure: (db: Db, caller: Caller) => measureLoaders(db, caller),
  donation: (db: Db, caller: Caller) => donationLoaders(db, caller),
  funds: (db: Db, caller: Caller) => fundsLoaders(db, caller),
};
type Groups = typeof GROUPS;
export type Loaders = { readonly [K in keyof Groups]: ReturnType<Groups[K]> };

/**
 * A request's loaders. Making every group for every request was ~60 DataLoaders per request
 * that were mostly never used (garbage, DESIGN.md "Performance rules"); the getters, defined
 * once on the prototype, make a group the first time a resolver asks for it.
 */
class RequestLoaders {
  readonly made: Partial<Record<keyof Groups, unknown>> = {};
  constructor(readonly db: Db, readonly caller: Caller) {}
}
for (const key of Object.keys(GROUPS) as (keyof Groups)[]) {
  Object.defineProperty(RequestLoaders.prototype, key, {
    get(this: RequestLoaders) {
      return (this.made[key] ??= (GROUPS[key] as (db: Db, caller: Caller) => unknown)(this.db, this.caller));
    },
  });
}

export function createLoaders(db: Db, caller: Caller): Loaders {
  return new RequestLoaders(db, caller) as unknown as Loaders;
}
