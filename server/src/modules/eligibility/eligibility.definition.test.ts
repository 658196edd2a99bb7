/** Rule-set definitions: what is accepted, and the field paths of what is not. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from './eligibility.definition.js';
import { DEFAULT_DEFINITION, DEFAULT_RULE_SET_ID } from './eligibility.default.js';

const fields = (json: unknown) => {
  const r = parseDefinition(json, 'input.definition');
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('rule-set definitions', () => {
  it('accepts the national default and fills in defaults', () => {
    const r = parseDefinition({ incomeTest: {} }, 'd');
    expect(r).toEqual({ ok: true, definition: { incomeTest: { multipleOfLine: 1 }, guarantees: [], proxyMeans: null, combine: 'ANY' } });
    expect(fields(DEFAULT_DEFINITION)).toEqual([]);
  });

  it('refuses an empty definition, unknown keys and facts, and values of the wrong kind, naming each field', () => {
    expect(fields({})).toEqual(['input.definition']);
    expect(fields({ incomeTest: { multipleOfLine: 0 }, extra: 1 }).sort()).toEqual(['input.definition', 'input.definition.incomeTest.multipleOfLine']);
    expect(fields({ guarantees: [{ code: 'X', label: 'x', fact: 'wealth', failsWhen: { op: 'eq', value: true } }] })).toEqual(['input.definition.guarantees[0].fact']);
    expect(fields({ guarantees: [{ code: 'X', label: 'x', fact: 'dilapidatedHouse', failsWhen: { op: 'eq', value: 'yes' } }] })).toEqual(['input.definition.guarantees[0].failsWhen.value']);
    expect(fields({ guarantees: [{ code: 'X', label: 'x', fact: 'perCapitaNetIncome', failsWhen: { op: 'lt', value: 1 } }] })).toEqual(['input.definition.guarantees[0].fact']);
  });

  it('refuses cut-offs that do not rise, unknown groups and overrides of unknown indicators', () => {
    const problems = fields({
      proxyMeans: {
        indicators: [{ code: 'TOILET', fact: 'sanitaryToilet', weight: 10 }],
        areaWeights: [{ areaPrefix: '433124', weights: { HOUSING: 2 } }, { areaPrefix: '4331x', weights: {} }],
        groups: [{ name: 'A', below: 30 }, { name: 'B', below: 20 }, { name: 'C', below: 90 }],
        eligibleGroups: ['A', 'Z'],
      },
    });
    expect([...problems].sort()).toEqual([
      'input.definition.proxyMeans.areaWeights[1].areaPrefix',
      'input.definition.proxyMeans.areaWeights[0].weights.HOUSING',
      'input.definition.proxyMeans.groups[1].below',
      'input.definition.proxyMeans.groups[2].below',
      'input.definition.proxyMeans.eligibleGroups[1]',
    ].sort());
  });

  it('is seeded by a migration exactly as eligibility.default.ts says', () => {
    const dir = fileURLToPath(new URL('../../../../migrations/', import.meta.url));
    const sql = readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => readFileSync(dir + f, 'utf8')).find((s) => s.includes(DEFAULT_RULE_SET_ID));
    expect(sql).toBeDefined();
    const json = /'(\{"incomeTest".*?\})'::jsonb/s.exec(sql!)?.[1];
    expect(JSON.parse(json!)).toEqual(DEFAULT_DEFINITION);
  });
});
