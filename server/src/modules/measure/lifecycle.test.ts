import { describe, expect, it } from 'vitest';
import { transitionDateProblem, transitionProblem } from './lifecycle.js';

describe('measure lifecycle', () => {
  it('allows planned → in progress → completed, and cancelling an open measure', () => {
    expect(transitionProblem('planned', 'in_progress')).toBeNull();
    expect(transitionProblem('in_progress', 'completed')).toBeNull();
    expect(transitionProblem('planned', 'cancelled')).toBeNull();
    expect(transitionProblem('in_progress', 'cancelled')).toBeNull();
  });

  it('refuses skipping a step and leaving a final state, saying why', () => {
    expect(transitionProblem('planned', 'completed')).toMatch(/start it first/);
    expect(transitionProblem('completed', 'cancelled')).toMatch(/stays completed/);
    expect(transitionProblem('cancelled', 'in_progress')).toMatch(/stays cancelled/);
    expect(transitionProblem('in_progress', 'planned')).toBe('a measure that is in progress cannot become planned');
    expect(transitionProblem('in_progress', 'in_progress')).toBe('the measure is already in progress');
  });

  it('dates a move between the actual start and today', () => {
    expect(transitionDateProblem('2016-03-01', '2016-03-01', '2016-05-01')).toBeNull();
    expect(transitionDateProblem('2016-02-29', null, '2016-05-01')).toBeNull();
    expect(transitionDateProblem('2016-02-29', '2016-03-01', '2016-05-01')).toBe('2016-02-29 is before the measure started (2016-03-01)');
    expect(transitionDateProblem('2016-05-02', '2016-03-01', '2016-05-01')).toMatch(/future/);
  });
});
