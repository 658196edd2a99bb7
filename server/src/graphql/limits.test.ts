/**
 * The query limits (limits.ts) on worked documents: every operation the SDK ships passes;
 * a document of 24 fragments, each spreading the next twice (2^24 paths), is measured
 * fragment by fragment and refused at once; a thousand aliases of an aggregate are refused;
 * depth and the parser's token cap.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, Kind, parse, print, specifiedRules, validate, visit, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_COST, MAX_NESTING, MAX_TOKENS, nestingProblem, queryLimits } from './limits.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const schema = buildSchema(readFileSync(resolve(ROOT, 'schema/schema.graphql'), 'utf8'));
const check = (doc: string) => validate(schema, parse(doc), [...specifiedRules, queryLimits]);
const tooComplex = (doc: string) => check(doc).filter((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');

describe('query limits', () => {
  it("pass every operation of the SDK's documents", () => {
    const dir = resolve(ROOT, 'schema/operations');
    const all = parse(readdirSync(dir).filter((f) => f.endsWith('.graphql')).map((f) => readFileSync(resolve(dir, f), 'utf8')).join('\n'));
    expect(validate(schema, all, [...specifiedRules, queryLimits]).map((e) => e.message)).toEqual([]);
    // Each operation as the SDK sends it (with the fragments it uses) fits the parser's token cap.
    const fragments = new Map(all.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
    for (const op of all.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)) {
      const used = new Set<string>();
      const visitSpreads = (node: DefinitionNode) => visit(node, { FragmentSpread: (s) => { if (!used.has(s.name.value)) { used.add(s.name.value); visitSpreads(fragments.get(s.name.value)!); } } });
      visitSpreads(op);
      const text = [print(op), ...[...used].map((n) => print(fragments.get(n)!))].join('\n');
      expect(() => parse(text, { maxTokens: MAX_TOKENS })).not.toThrow();
    }
  });

  it('measure each fragment once: 24 fragments each spreading the next twice are refused by cost, not walked 2^24 times', () => {
    const frags = Array.from({ length: 24 }, (_, i) => `fragment F${i} on Area { ${i === 23 ? 'code' : `children { ...F${i + 1} } ancestors { ...F${i + 1} }`} }`);
    const doc = `query { area(code: "433124") { ...F0 } }\n${frags.join('\n')}`;
    const [error] = tooComplex(doc);
    // Depth 1 + 23 nested lists, far past the limit of 12; the cost is counted too, without walking every path.
    expect(error.message).toMatch(/levels deep/);
    expect(error.extensions!.cost as number).toBeGreaterThan(MAX_COST);
  });

  it('refuse a thousand aliases of an aggregate, and more aliases than the limit of anything', () => {
    const counts = Array.from({ length: 1000 }, (_, i) => `a${i}: registerAsOf(areaCode: "433124", asOf: "2016-12-31") { total { households } }`);
    expect(tooComplex(`query { ${counts.join(' ')} }`)[0].message).toMatch(/could fetch about \d+ objects/);
    const names = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `n${i}: viewer { role }`);
    expect(tooComplex(`query { ${names.join(' ')} }`)[0].message).toBe(`the query has ${MAX_ALIASES + 1} aliased fields; the limit is ${MAX_ALIASES}: send several requests`);
  });

  it('stop a document past the token cap in the parser', () => {
    const long = `query { ${Array.from({ length: MAX_TOKENS }, () => 'viewer { role }').join(' ')} }`;
    expect(() => parse(long, { maxTokens: MAX_TOKENS })).toThrow(`Document contains more that ${MAX_TOKENS} tokens`);
  });

  it('count open brackets before parsing, outside strings and comments', () => {
    const nested = (n: number) => `${'{ a '.repeat(n)}${'}'.repeat(n)}`;
    expect(nestingProblem(nested(MAX_NESTING))).toBeNull();
    expect(nestingProblem(nested(MAX_NESTING + 1))).toMatch(`more than ${MAX_NESTING} brackets`);
    const braces = '{'.repeat(MAX_NESTING + 1);
    expect(nestingProblem(`{ a(s: "${braces}", t: """${braces}""", u: "\\"${braces}") # ${braces}\n }`)).toBeNull();
  });
});
