/**
 * The lifecycle of an assistance measure (issue 4, item 5): planned → in progress →
 * completed, or cancelled with a reason from planned or in progress. Completed and
 * cancelled are final. A pure rule: `transitionProblem` says why a move is refused,
 * or returns null when it is allowed.
 */
export type MeasureState = 'planned' | 'in_progress' | 'completed' | 'cancelled';

const NEXT: Record<MeasureState, readonly MeasureState[]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const WORDS: Record<MeasureState, string> = { planned: 'planned', in_progress: 'in progress', completed: 'completed', cancelled: 'cancelled' };

/** Why `from → to` is not allowed, in words a cadre can act on; null if it is allowed. */
export function transitionProblem(from: MeasureState, to: MeasureState): string | null {
  if (NEXT[from].includes(to)) return null;
  if (from === to) return `the measure is already ${WORDS[to]}`;
  if (from === 'completed') return 'the measure is completed: a completed measure stays completed (record a new measure for further help)';
  if (from === 'cancelled') return 'the measure was cancelled: a cancelled measure stays cancelled (record a new measure instead)';
  if (from === 'planned' && to === 'completed') return 'the measure has not started: start it first (startMeasure), then complete it';
  return `a measure that is ${WORDS[from]} cannot become ${WORDS[to]}`;
}

/** Problems with the date of a move: not in the future, and not before the measure actually started (if it did). */
export function transitionDateProblem(on: string, startedOn: string | null, today: string): string | null {
  if (on > today) return `${on} is in the future: record a move when it has happened`;
  if (startedOn && on < startedOn) return `${on} is before the measure started (${startedOn})`;
  return null;
}
