import { describe, expect, it } from 'vitest';
import { checkHousehold } from '../modules/household/consistency.js';
import { perCapitaNetIncome } from '../modules/household/income.js';
import { parseIdNumber } from '../modules/member/id-number.js';
import { generateHousehold, type GeneratedHousehold } from './household.gen.js';
import { IdAllocator } from './id-alloc.js';
import { Rng } from './rng.js';

const VILLAGE = '433124110226'; // 十八洞村
const YEAR = 2015;

function generate(n: number, seed: number, ids = new IdAllocator()): GeneratedHousehold[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => generateHousehold(rng, VILLAGE, { year: YEAR, region: '433124', ids }));
}

describe('generateHousehold', () => {
  const sample = generate(2000, 20151231);

  it('is deterministic: the same seed gives the same households, another seed others', () => {
    expect(generate(300, 7)).toEqual(generate(300, 7));
    expect(generate(50, 8)[0]).not.toEqual(generate(50, 7)[0]);
  });

  it('passes every consistency rule: 2,000 households, zero errors and, on 31 December of the year, zero warnings', () => {
    const errors = sample.flatMap((g) => checkHousehold(g.form, g.year).errors);
    expect(errors).toEqual([]);
    const warnings = sample.flatMap((g) => checkHousehold(g.form, g.year, new Date(YEAR, 11, 31)).warnings);
    expect(warnings).toEqual([]);
  });

  it('gives every member a unique ID: region 433124, birth date and sex as recorded, valid check digit', () => {
    const members = sample.flatMap((g) => g.form.members.map((m, i) => ({ m, x: g.members[i]! })));
    const residents = members.map(({ m }) => m.idNumber.slice(0, 18));
    expect(new Set(residents).size).toBe(residents.length);
    for (const { m, x } of members) {
      const id = parseIdNumber(m.idNumber, new Date(YEAR, 11, 31));
      expect(id.ok).toBe(true);
      if (!id.ok) continue;
      expect(id.regionCode).toBe('433124');
      expect(id.sex).toBe(m.sex);
      expect(id.birthDate).toBe(x.birthDate);
      expect(id.kind).toBe(x.idKind);
    }
    const uuids = sample.flatMap((g) => [g.id, ...g.members.map((x) => x.id)]);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(uuids.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u))).toBe(true);
  });

  it('follows the intended distributions of a poor Miao-Tujia county', () => {
    const share = (f: (g: GeneratedHousehold) => boolean) => sample.filter(f).length / sample.length;
    expect(share((g) => g.form.attribute === '01')).toBeCloseTo(0.7, 1);
    expect(share((g) => g.form.attribute === '04')).toBeCloseTo(0.22, 1);
    expect(share((g) => g.form.mainCause === '01')).toBeGreaterThan(0.33);
    expect(share((g) => g.form.mainCause === '01')).toBeLessThan(0.45);
    expect(share((g) => g.form.status === '0')).toBeGreaterThan(0.8);
    const size = sample.reduce((s, g) => s + g.form.members.length, 0) / sample.length;
    expect(size).toBeGreaterThan(3.2);
    expect(size).toBeLessThan(3.8);
    expect(Math.max(...sample.map((g) => g.form.members.length))).toBeLessThanOrEqual(7);
    const pc = sample.map((g) => perCapitaNetIncome(g.year.income, g.form.members.length));
    expect(pc.filter((x) => x >= 1500 && x <= 3500).length / pc.length).toBeGreaterThan(0.8);
    const notOut = sample.filter((g) => g.form.status === '0').map((g) => perCapitaNetIncome(g.year.income, g.form.members.length));
    expect(notOut.filter((x) => x < 2855).length / notOut.length).toBeGreaterThan(0.8);
    const members = sample.flatMap((g) => g.form.members);
    expect(members.filter((m) => m.ethnicity === '06').length / members.length).toBeGreaterThan(0.6);
    expect(sample.every((g) => g.form.otherCauses.length <= 2 && !g.form.otherCauses.includes(g.form.mainCause))).toBe(true);
  });
});

describe('IdAllocator', () => {
  it('never hands out a number already in use, and keeps the sex parity', () => {
    const first = new IdAllocator();
    const used = Array.from({ length: 5 }, (_, i) => first.allocate('433124', '1980-05-01', i % 2 ? '2' : '1'));
    const again = new IdAllocator(used);
    const next = Array.from({ length: 6 }, (_, i) => again.allocate('433124', '1980-05-01', i % 2 ? '2' : '1'));
    expect(next.filter((id) => used.includes(id))).toEqual([]);
    next.forEach((id, i) => expect(Number(id[16]) % 2).toBe(i % 2 ? 0 : 1));
  });

  it('moves to the day before when a day has no number left for that sex', () => {
    const ids = new IdAllocator();
    const all = Array.from({ length: 501 }, () => ids.allocate('433124', '2000-03-01', '1'));
    expect(new Set(all).size).toBe(501);
    expect(all[499]!.slice(6, 14)).toBe('20000301');
    expect(all[500]!.slice(6, 14)).toBe('20000229');
  });
});
