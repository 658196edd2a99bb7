/**
 * Which documents are remembered as never planned (plan.ts `neverPlanned`): only those no
 * variables could make plannable — a mutation, a subscription, or a query with a root field no
 * plan covers. A query of planned roots, or one whose roots arrive through a fragment, is
 * looked at on each request.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { getOperationAST, parse } from 'graphql';
import { neverPlanned } from './plan.js';

const op = (source: string) => getOperationAST(parse(source));

describe('neverPlanned', () => {
  it('remembers mutations, subscriptions and queries with an unplanned root', () => {
    expect(neverPlanned(op('mutation { registerHousehold(input: {}) { id } }'))).toBe(true);
    expect(neverPlanned(op('subscription { changes { id } }'))).toBe(true);
    expect(neverPlanned(op('{ households(first: 5) { nodes { id } } programmes { nodes { id } } }'))).toBe(true);
    expect(neverPlanned(op('{ constructor }'))).toBe(true);
  });

  it('keeps looking at queries whose roots all have a plan', () => {
    expect(neverPlanned(op('query P($a: String!) { households(filter: { areaCode: $a }) { nodes { id } } __typename }'))).toBe(false);
    expect(neverPlanned(op('{ village(code: "433124110226") { name } node(id: "x") { id } }'))).toBe(false);
    expect(neverPlanned(op('{ ...Q } fragment Q on Query { programmes { nodes { id } } }'))).toBe(false);
  });

  it('treats a missing operation as never planned', () => {
    expect(neverPlanned(getOperationAST(parse('query A { household(id: "x") { id } } query B { village(code: "1") { name } }')))).toBe(true);
  });
});
