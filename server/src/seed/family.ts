/**
 * The shape of a synthetic household: who lives in it (relation to the head, sex, age).
 *
 * Contract: pure; `planFamily(rng, size, opts)` returns exactly `size` people, the head
 * first, with relation codes that agree with sex (son/father… male, daughter/mother…
 * female), a spouse of the other sex, and ages that fit the relations (parents 20+ years
 * older than their children, grandparents older still). Ages are completed years on
 * 31 December of the data year. Options: `destitute` (五保: one or two old people),
 * `elderly` (an old head, for lack of labour) and `student` (a child of 16–20, for 因学).
 */
import { Relation } from '../codes/index.js';
import type { Rng } from './rng.js';

const R = Relation.values;

export interface Person {
  relation: string;
  sex: '1' | '2';
  age: number;
  /** A child who must be in school at senior secondary level or above. */
  student?: boolean;
}

export interface FamilyOptions {
  destitute?: boolean;
  elderly?: boolean;
  student?: boolean;
}

const other = (sex: '1' | '2'): '1' | '2' => (sex === '1' ? '2' : '1');
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));

/** Children of a mother (or father) aged `parentAge`: ages 0 … parentAge − 20, at most 35. */
function child(rng: Rng, parentAge: number, sons: [string, string], maxAge = 35): Person {
  const sex = rng.chance(0.52) ? '1' : '2';
  return { relation: sex === '1' ? sons[0] : sons[1], sex, age: rng.int(0, Math.max(0, Math.min(maxAge, parentAge - 20))) };
}

export function planFamily(rng: Rng, size: number, opts: FamilyOptions = {}): Person[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`household size must be a whole number ≥ 1, got ${size}`);
  if (opts.destitute) {
    const head: Person = { relation: R.HEAD, sex: rng.chance(0.65) ? '1' : '2', age: rng.int(60, 88) };
    const people = [head];
    while (people.length < size) {
      people.push(rng.chance(0.7) && people.length === 1
        ? { relation: R.SPOUSE, sex: other(head.sex), age: clamp(head.age + rng.int(-5, 3), 55, 92) }
        : { relation: R.OTHER, sex: rng.chance(0.5) ? '1' : '2', age: rng.int(55, 85) });
    }
    return people;
  }
  if (size === 1) {
    return [{ relation: R.HEAD, sex: rng.chance(0.65) ? '1' : '2', age: clamp(rng.normal(opts.elderly ? 74 : 62, 11, 30, 92), 30, 92) }];
  }
  if (!opts.student && size >= 4 && rng.chance(opts.elderly ? 0.6 : 0.35)) return threeGenerations(rng, size);
  return nuclear(rng, size, opts);
}

/** An older couple (or widowed head), a married child with its spouse, and grandchildren. */
function threeGenerations(rng: Rng, size: number): Person[] {
  const head: Person = { relation: R.HEAD, sex: rng.chance(0.85) ? '1' : '2', age: rng.int(52, 74) };
  const people = [head];
  if (head.sex === '1' && rng.chance(0.85)) people.push({ relation: R.SPOUSE, sex: '2', age: clamp(head.age - rng.int(0, 5), 48, 90) });
  const youngest = Math.min(...people.map((p) => p.age));
  const childAge = clamp(youngest - rng.int(22, 30), 20, 45);
  const viaDaughter = rng.chance(0.2); // a son-in-law living with his wife's family 上门女婿
  const kid: Person = viaDaughter ? { relation: R.DAUGHTER, sex: '2', age: childAge } : { relation: R.SON, sex: '1', age: childAge };
  const inLaw: Person = viaDaughter
    ? { relation: R.SON_IN_LAW, sex: '1', age: clamp(childAge + rng.int(-1, 4), 20, 50) }
    : { relation: R.DAUGHTER_IN_LAW, sex: '2', age: clamp(childAge - rng.int(-1, 4), 19, 50) };
  people.push(kid, inLaw);
  const mother = viaDaughter ? kid.age : inLaw.age;
  const grand: [string, string] = viaDaughter ? [R.DAUGHTERS_SON, R.DAUGHTERS_DAUGHTER] : [R.GRANDSON, R.GRANDDAUGHTER];
  while (people.length < size) people.push(child(rng, mother, grand, 25));
  return people.slice(0, size);
}

/** A head with or without spouse, children, and sometimes the head's parents. */
function nuclear(rng: Rng, size: number, opts: FamilyOptions): Person[] {
  const lo = opts.student ? 40 : 24;
  const hi = opts.student ? 56 : 78;
  const head: Person = {
    relation: R.HEAD,
    sex: rng.chance(0.88) ? '1' : '2',
    age: clamp(rng.normal(opts.elderly ? 64 : opts.student ? 45 : 44, 9, lo, hi), lo, hi),
  };
  const people = [head];
  if (rng.chance(size === 2 ? 0.7 : 0.88)) {
    const gap = rng.int(0, 5);
    people.push({ relation: R.SPOUSE, sex: other(head.sex), age: clamp(head.sex === '1' ? head.age - gap : head.age + gap, 20, 90) });
  }
  const mother = people.find((p) => p.sex === '2')?.age ?? head.age - 2;
  if (opts.student && people.length < size) {
    const sex = rng.chance(0.5) ? '1' : '2';
    people.push({ relation: sex === '1' ? R.SON : R.DAUGHTER, sex, age: rng.int(16, Math.max(16, Math.min(20, mother - 19))), student: true });
  }
  const slots = size - people.length;
  if (head.age <= 55 && slots >= 1 && rng.chance(slots >= 2 ? 0.35 : 0.15)) {
    const n = Math.min(slots, rng.int(1, 2));
    const parents: Person[] = [
      { relation: R.FATHER, sex: '1', age: clamp(head.age + rng.int(22, 32), 45, 92) },
      { relation: R.MOTHER, sex: '2', age: clamp(head.age + rng.int(20, 30), 43, 92) },
    ];
    people.push(...(n === 2 ? parents : [rng.pick(parents)]));
  }
  while (people.length < size) people.push(child(rng, mother, [R.SON, R.DAUGHTER]));
  return people;
}
