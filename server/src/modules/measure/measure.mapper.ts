/** Row → GraphQL shapes of plans, measures and cadres; the typed parts are read back from `details`. */
import { ROUTE_OF_KIND } from '../../codes/index.js';
import { toGlobalId } from '../../graphql/ids.js';
import type { Loan, RainDew, Relocation, HouseRenovation } from './details.js';
import { dueOn, outstanding, repaid } from './micro-credit.js';
import type { CadreRow, MeasureRow, PlanRow } from './measure.store.js';

/** What `measures.details` holds, by kind. */
export interface StoredDetails {
  rainDew?: RainDew;
  microCredit?: Loan;
  relocation?: Relocation;
  houseRenovation?: HouseRenovation;
}

function loanOut(l: Loan) {
  return { ...l, dueOn: dueOn(l.disbursedOn, l.termMonths), repaid: repaid(l), outstanding: outstanding(l), riskCompensation: l.compensation };
}

export function toMeasure(r: MeasureRow) {
  const d = (r.details ?? {}) as StoredDetails;
  return {
    __typename: 'Measure' as const,
    ...r,
    id: toGlobalId('Measure', r.id),
    key: r.id,
    householdKey: r.householdId,
    responsibleCadreKey: r.responsibleCadreId,
    villageWide: r.householdId === null,
    route: ROUTE_OF_KIND[r.kind] ?? null,
    rainDew: d.rainDew ? { ...d.rainDew, memberId: toGlobalId('Member', d.rainDew.memberId) } : null,
    microCredit: d.microCredit ? loanOut(d.microCredit) : null,
    relocation: d.relocation ?? null,
    houseRenovation: d.houseRenovation ?? null,
  };
}
export type MeasureModel = ReturnType<typeof toMeasure>;

export const toPlan = (r: PlanRow) => ({
  __typename: 'AssistancePlan' as const,
  ...r,
  id: toGlobalId('AssistancePlan', r.id),
  key: r.id,
  householdKey: r.householdId,
  villageWide: r.householdId === null,
});
export type PlanModel = ReturnType<typeof toPlan>;

export const toResponsible = (c: CadreRow, since: string | null = null) => ({
  cadreId: toGlobalId('Cadre', c.id), name: c.name, phone: c.phone, title: c.title, unitName: c.unitName, since,
});
