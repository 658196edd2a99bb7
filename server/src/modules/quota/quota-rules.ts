/**
 * Quota arithmetic 规模控制 (issue 3, item 3; reference "Identification procedure":
 * "the national figure is split province → county → township → village"). Pure.
 *
 * - A use of `asked` people fits an area's quota when used + asked ≤ quota (reaching the
 *   quota exactly is allowed). Every quota set on the village or an ancestor must fit;
 *   an area without a quota sets no limit.
 * - A split is checked against the nearest ancestor that has a quota (levels may be
 *   skipped: a province may split straight to counties): the quotas held by that
 *   ancestor's nearest quota'd descendants may not add up to more than its own. An
 *   area's quota may not fall below what its own quota'd descendants hold, nor below
 *   what is already used under it.
 */

export interface Standing {
  areaCode: string;
  quota: number;
  used: number;
}

export const people = (n: number) => n.toLocaleString('en-US');

/** The most local quota a use of `asked` people would exceed, or null when all fit. `standings` in any order. */
export function exceeded(standings: Standing[], asked: number): (Standing & { asked: number }) | null {
  const over = standings.filter((s) => s.used + asked > s.quota).sort((a, b) => b.areaCode.length - a.areaCode.length);
  return over.length ? { ...over[0], asked } : null;
}

export interface SplitFacts {
  /** The quota being set, in people. */
  people: number;
  /** The nearest ancestor with a quota for the year, with what its other quota'd descendants hold (without this area). */
  parent?: { areaCode: string; quota: number; othersHold: number };
  /** What this area's nearest quota'd descendants hold. */
  childrenHold: number;
  /** People already used under this area. */
  used: number;
}

/** Why a quota cannot be set, in words with the numbers; empty when it can. */
export function splitProblems(f: SplitFacts): string[] {
  const out: string[] = [];
  if (f.parent && f.parent.othersHold + f.people > f.parent.quota) {
    const room = Math.max(0, f.parent.quota - f.parent.othersHold);
    out.push(
      `the quota of ${f.parent.areaCode || 'the nation'} is ${people(f.parent.quota)} people and its other areas hold ${people(f.parent.othersHold)}; ` +
        `${people(f.people)} more would exceed it — at most ${people(room)} can be given here`,
    );
  }
  if (f.childrenHold > f.people) out.push(`its areas below already hold ${people(f.childrenHold)} people of quota: lower theirs first, or give at least ${people(f.childrenHold)}`);
  if (f.used > f.people) out.push(`${people(f.used)} people are already used under it: give at least ${people(f.used)}`);
  return out;
}
