/**
 * Checks every item of a link batch and names each bad one: a household or village
 * that does not exist or is outside the caller's reach (the same words for both),
 * one outside the areas the project serves, a duplicate in the batch, a link that
 * already exists, amounts and dates out of range.
 */
import type { Tx } from '../../db/client.js';
import type { Context } from '../../graphql/context.js';
import { badInput, type FieldProblem } from '../../graphql/errors.js';
import { fromGlobalId, UUID } from '../../graphql/ids.js';
import type { ProjectRow } from '../programme/programme.store.js';
import { benefitStore } from './benefit.store.js';
import { householdStore } from '../household/household.store.js';
import { villageStore } from '../village/village.store.js';
import type { LinkItemInput } from './benefit.type.js';

export interface Target {
  householdKey: string | null;
  villageCode: string;
}

const keyOfHousehold = (id: string) => {
  const g = fromGlobalId(id);
  return g?.type === 'Household' && UUID.test(g.key) ? g.key : null;
};

export async function checkItems(tx: Tx, ctx: Context, project: ProjectRow, items: LinkItemInput[]): Promise<Target[]> {
  const problems: FieldProblem[] = [];
  const bad = (i: number, field: string, reason: string) => problems.push({ field: `items[${i}]${field}`, reason });
  const hKeys = items.map((it) => (it.householdId ? keyOfHousehold(it.householdId) : null));
  // Read inside the batch's transaction (on PGlite, the only connection), scoped like any read.
  const households = await householdStore.byIds(tx, ctx.caller, hKeys.filter((k): k is string => !!k));
  const byKey = new Map(households.map((h) => [h.id, h] as const));
  const villageCodes = items.map((it) => it.villageCode).filter((c): c is string => !!c && /^\d{12}$/.test(c));
  const villages = new Set((villageCodes.length ? await villageStore.byCodes(tx, ctx.caller, villageCodes) : []).map((v) => v.code));
  const today = new Date().toISOString().slice(0, 10);
  const seen = new Set<string>();

  const targets = items.map((it, i): Target => {
    if (!!it.householdId === !!it.villageCode) bad(i, '', 'give either householdId or villageCode');
    let target: Target = { householdKey: null, villageCode: it.villageCode ?? '' };
    if (it.householdId) {
      const h = hKeys[i] ? byKey.get(hKeys[i]!) : undefined;
      if (!h) bad(i, '.householdId', 'no such household in your area: check the ID');
      else target = { householdKey: h.id, villageCode: h.villageCode };
    } else if (it.villageCode && !villages.has(it.villageCode)) bad(i, '.villageCode', 'no such village in your area: give a 12-digit village code');
    if (target.villageCode && !project.servedAreas.some((a) => target.villageCode.startsWith(a))) {
      bad(i, it.householdId ? '.householdId' : '.villageCode', `lives outside the areas the project serves (${project.servedAreas.join(', ')})`);
    }
    const dedupe = target.householdKey ?? `v:${target.villageCode}`;
    if (seen.has(dedupe)) bad(i, '', 'appears twice in this batch');
    seen.add(dedupe);
    if (it.amount != null && !(it.amount >= 0 && it.amount < 1e13)) bad(i, '.amount', 'must be between 0 and 10 trillion yuan');
    if (it.date < '2013-01-01' || it.date > today) bad(i, '.date', 'must be between 2013-01-01 and today');
    return target;
  });

  const existing = await benefitStore.existing(tx, project.id,
    targets.flatMap((t) => (t.householdKey ? [t.householdKey] : [])), targets.flatMap((t) => (t.householdKey ? [] : [t.villageCode])));
  const linked = new Set(existing.map((e) => e.householdId ?? `v:${e.villageCode}`));
  targets.forEach((t, i) => {
    if (linked.has(t.householdKey ?? `v:${t.villageCode}`)) bad(i, '', 'is already linked to this project: unlink it first to link it anew');
  });
  if (problems.length) throw badInput(problems);
  return targets;
}
