/**
 * The procedures as data (issue 3, items 1, 2, 8, 9; reference "Identification
 * procedure", "Exit", "Poor village"): for each kind of case, which step may be taken in
 * which state, into which state it leads, and the level of the person who may take it.
 *
 * - household identification 两公示一公告: application → democratic appraisal 民主评议 →
 *   first posting 公示 → township review → second posting → county approval → announcement
 *   公告 → registered 建档立卡;
 * - household exit 退出: proposal → village appraisal → verification (income and
 *   两不愁三保障, computed) → household consent → posting → announcement → exited;
 * - relapse 返贫 and removal 错评清退: a report → county approval;
 * - poor village 贫困村: application → township review → posting → county approval
 *   (with the 一高一低一无 indicators) → announcement;
 * - village exit 贫困村出列: proposal → township verification (poverty incidence against
 *   the province's threshold, computed) → posting → county approval → announcement.
 *
 * Levels: VILLAGE = a cadre or official whose area covers the village; TOWNSHIP = an
 * official whose area is the township or above; COUNTY = an official of the county or
 * above. An admin may take every step. Everything else is an INVALID_TRANSITION.
 */
import type { Caller } from '../../auth/caller.js';

export const CASE_KINDS = ['HOUSEHOLD_IDENTIFICATION', 'HOUSEHOLD_EXIT', 'HOUSEHOLD_RELAPSE', 'HOUSEHOLD_REMOVAL', 'VILLAGE_IDENTIFICATION', 'VILLAGE_EXIT'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const ACTIONS = ['appraise', 'post', 'review', 'verify', 'consent', 'approve', 'announce'] as const;
export type Action = (typeof ACTIONS)[number];

export type Level = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY';

export interface Transition {
  action: Action;
  from: string;
  /** The state a positive decision (or a step without a decision) leads to. */
  to: string;
  level: Level;
  /** The posting round this step opens (action `post`). */
  posting?: 'FIRST' | 'SECOND' | 'EXIT' | 'VILLAGE';
  /** Whether the step takes a decision (APPROVE leads to `to`, REJECT ends the case). */
  decides?: boolean;
}

const t = (action: Action, from: string, to: string, level: Level, more: Partial<Transition> = {}): Transition => ({ action, from, to, level, ...more });

export interface Procedure {
  /** The state a new case starts in. */
  start: string;
  /** The state a positive end reaches (the case is APPROVED). */
  end: string;
  /** Where an upheld objection that does not reject sends the case back to. */
  returnTo: string;
  steps: Transition[];
}

export const PROCEDURES: Record<CaseKind, Procedure> = {
  HOUSEHOLD_IDENTIFICATION: {
    start: 'APPLIED', end: 'REGISTERED', returnTo: 'APPLIED',
    steps: [
      t('appraise', 'APPLIED', 'APPRAISED', 'VILLAGE', { decides: true }),
      t('post', 'APPRAISED', 'FIRST_POSTING', 'VILLAGE', { posting: 'FIRST' }),
      t('review', 'FIRST_POSTING', 'TOWNSHIP_REVIEWED', 'TOWNSHIP', { decides: true }),
      t('post', 'TOWNSHIP_REVIEWED', 'SECOND_POSTING', 'VILLAGE', { posting: 'SECOND' }),
      t('approve', 'SECOND_POSTING', 'APPROVED', 'COUNTY', { decides: true }),
      t('announce', 'APPROVED', 'REGISTERED', 'COUNTY'),
    ],
  },
  HOUSEHOLD_EXIT: {
    start: 'PROPOSED', end: 'EXITED', returnTo: 'PROPOSED',
    steps: [
      t('appraise', 'PROPOSED', 'APPRAISED', 'VILLAGE', { decides: true }),
      t('verify', 'APPRAISED', 'VERIFIED', 'VILLAGE'),
      t('consent', 'VERIFIED', 'CONSENTED', 'VILLAGE'),
      t('post', 'CONSENTED', 'POSTING', 'VILLAGE', { posting: 'EXIT' }),
      t('announce', 'POSTING', 'EXITED', 'COUNTY'),
    ],
  },
  HOUSEHOLD_RELAPSE: {
    start: 'REPORTED', end: 'RELAPSED', returnTo: 'REPORTED',
    steps: [t('approve', 'REPORTED', 'RELAPSED', 'COUNTY', { decides: true })],
  },
  HOUSEHOLD_REMOVAL: {
    start: 'PROPOSED', end: 'REMOVED', returnTo: 'PROPOSED',
    steps: [t('approve', 'PROPOSED', 'REMOVED', 'COUNTY', { decides: true })],
  },
  VILLAGE_IDENTIFICATION: {
    start: 'APPLIED', end: 'REGISTERED', returnTo: 'APPLIED',
    steps: [
      t('review', 'APPLIED', 'TOWNSHIP_REVIEWED', 'TOWNSHIP', { decides: true }),
      t('post', 'TOWNSHIP_REVIEWED', 'POSTING', 'VILLAGE', { posting: 'VILLAGE' }),
      t('approve', 'POSTING', 'APPROVED', 'COUNTY', { decides: true }),
      t('announce', 'APPROVED', 'REGISTERED', 'COUNTY'),
    ],
  },
  VILLAGE_EXIT: {
    start: 'PROPOSED', end: 'EXITED', returnTo: 'PROPOSED',
    steps: [
      t('verify', 'PROPOSED', 'VERIFIED', 'TOWNSHIP'),
      t('post', 'VERIFIED', 'POSTING', 'VILLAGE', { posting: 'VILLAGE' }),
      t('approve', 'POSTING', 'APPROVED', 'COUNTY', { decides: true }),
      t('announce', 'APPROVED', 'EXITED', 'COUNTY'),
    ],
  },
};

/** The state every rejected case ends in. */
export const REJECTED = 'REJECTED';
export const WITHDRAWN = 'WITHDRAWN';

export const isClosed = (kind: CaseKind, state: string) => state === REJECTED || state === WITHDRAWN || state === PROCEDURES[kind].end;

/** The steps the procedure allows from a state (whoever may take them). */
export const stepsFrom = (kind: CaseKind, state: string) => PROCEDURES[kind].steps.filter((s) => s.from === state);

/** The state a posting step led to: objections may be raised while a case is in one. */
export const postingStates = (kind: CaseKind) => PROCEDURES[kind].steps.filter((s) => s.posting).map((s) => s.to);

const LEVEL_DIGITS: Record<Level, number> = { VILLAGE: 12, TOWNSHIP: 9, COUNTY: 6 };
const LEVEL_NAME: Record<Level, string> = { VILLAGE: 'a cadre or official of the village', TOWNSHIP: 'an official of the township or above', COUNTY: 'an official of the county or above' };

/**
 * Whether a caller may act at a level on a village: an admin always; an official whose
 * area prefix covers the village and is no longer than the level's code; a cadre only at
 * village level. Returns the reason when not.
 */
export function levelRefusal(c: Caller, level: Level, villageCode: string): string | null {
  if (c.role === 'admin') return null;
  const covering = c.areas.filter((p) => villageCode.startsWith(p));
  if (c.role === 'cadre' && level === 'VILLAGE' && covering.length) return null;
  if (c.role === 'official' && covering.some((p) => p.length <= LEVEL_DIGITS[level])) return null;
  return `this step is taken by ${LEVEL_NAME[level]}; you are ${c.role === 'official' ? `an official of ${covering[0] ?? c.areas[0]}` : `a ${c.role}`}`;
}

/** The levels a caller can act at on the villages of their area (for "cases waiting for me"). */
export function levelsOf(c: Caller): { level: Level; prefixes: string[] }[] {
  if (c.role === 'admin') return (['VILLAGE', 'TOWNSHIP', 'COUNTY'] as Level[]).map((level) => ({ level, prefixes: [''] }));
  if (c.role === 'cadre') return [{ level: 'VILLAGE', prefixes: c.areas }];
  if (c.role !== 'official') return [];
  return (['VILLAGE', 'TOWNSHIP', 'COUNTY'] as Level[])
    .map((level) => ({ level, prefixes: c.areas.filter((p) => p.length <= LEVEL_DIGITS[level]) }))
    .filter((l) => l.prefixes.length);
}
