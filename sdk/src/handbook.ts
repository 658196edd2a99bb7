/**
 * The household handbook 扶贫手册 as one typed object: basics, causes, responsible
 * person, plans, measures and results (income over the years). Throws NotFoundError
 * when the household does not exist or is outside the token's area.
 *
 *   const hb = await handbook(jz, household.id);
 *   console.log(hb.causes.main, hb.responsiblePerson?.name, hb.measures.length, hb.results.at(-1)?.perCapitaNetIncome);
 */
import type { Client } from './client.js';
import { NotFoundError } from './errors.js';
import type { HouseholdHandbookQuery } from './generated/operations.js';

export type Handbook = NonNullable<HouseholdHandbookQuery['householdHandbook']>;
export type HandbookPart = keyof Handbook;
/** The six parts, in the order of the printed handbook. */
export const HANDBOOK_PARTS: readonly HandbookPart[] = ['basics', 'causes', 'responsiblePerson', 'plans', 'measures', 'results'];

export async function handbook(client: Client, householdId: string): Promise<Handbook> {
  const { householdHandbook } = await client.householdHandbook({ householdId });
  if (!householdHandbook) {
    throw new NotFoundError({ message: `household ${householdId} was not found, or is outside your area`, extensions: { code: 'NOT_FOUND' } }, []);
  }
  return householdHandbook;
}
