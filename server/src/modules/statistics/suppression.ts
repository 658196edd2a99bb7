/**
 * Small-cell suppression for roles without personal data (issue 10, "Privacy").
 *
 * Primary: a cell counting more than 0 and fewer than `threshold` units (households, or
 * people for member groupings) is suppressed. Complementary: every set of sibling cells —
 * cells that agree on all grouping dimensions but one, whose sum is a margin another
 * query can publish — must not have exactly one suppressed cell, or it could be
 * recovered as margin minus the rest; the smallest unsuppressed non-zero sibling is
 * suppressed too, and the sets are checked again until none changes. The total is
 * suppressed when it is itself a small cell.
 */
export interface CountedCell {
  /** One value per grouping dimension, in the same order for every cell. */
  key: readonly string[];
  count: number;
}

/** The indexes of the cells to suppress. */
export function suppressedCells(cells: readonly CountedCell[], threshold: number): Set<number> {
  const out = new Set<number>();
  cells.forEach((c, i) => { if (c.count > 0 && c.count < threshold) out.add(i); });
  if (out.size === 0) return out;
  const dims = cells[0]?.key.length ?? 0;
  for (let changed = true; changed;) {
    changed = false;
    for (let d = 0; d < dims; d++) {
      const sets = new Map<string, number[]>();
      cells.forEach((c, i) => {
        const k = c.key.filter((_, j) => j !== d).join('\u0001');
        (sets.get(k) ?? sets.set(k, []).get(k)!).push(i);
      });
      for (const members of sets.values()) {
        if (members.filter((i) => out.has(i)).length !== 1) continue;
        const candidates = members.filter((i) => !out.has(i) && cells[i].count > 0).sort((a, b) => cells[a].count - cells[b].count);
        if (candidates.length === 0) continue;
        out.add(candidates[0]);
        changed = true;
      }
    }
  }
  return out;
}

/** Whether a total is a small cell. */
export const smallTotal = (count: number, threshold: number) => count > 0 && count < threshold;
