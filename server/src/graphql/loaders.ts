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

export function createLoaders(db: Db, caller: Caller) {
  return {
    area: areaLoaders(db),
    village: villageLoaders(db, caller),
    household: householdLoaders(db, caller),
    member: memberLoaders(db, caller),
    programme: programmeLoaders(db, caller),
    benefit: benefitLoaders(db, caller),
    standard: standardLoaders(db),
    quality: qualityLoaders(db, caller),
    cadre: cadreLoaders(db, caller),
    pairing: pairingLoaders(db, caller),
    workTeam: workTeamLoaders(db, caller),
    visit: visitLoaders(db, caller),
    case: caseLoaders(db, caller),
    history: historyLoaders(db, caller),
    provincial: provincialLoaders(db),
    round: roundLoaders(db, caller),
    monitoring: monitoringLoaders(db, caller),
    eligibility: eligibilityLoaders(db),
    measure: measureLoaders(db, caller),
    donation: donationLoaders(db, caller),
    funds: fundsLoaders(db, caller),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
