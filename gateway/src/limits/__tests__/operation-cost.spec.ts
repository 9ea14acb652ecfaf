import { describe, expect, it } from 'vitest';
import { getOperationAST, getVariableValues, parse } from 'graphql';
import { estimateOperationCost, type CostWeights } from '../operation-cost';
import { apiSchema } from './test-apollo';

const weights: CostWeights = { defaultPageSize: 20, listFactor: 10 };

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error('no operation');
  const coerced = getVariableValues(apiSchema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) throw coerced.errors[0];
  return estimateOperationCost(apiSchema, document, operation, coerced.coerced, weights);
}

describe('estimateOperationCost', () => {
  it('counts each field once, leaves and objects alike', () => {
    // workforceStatistics (1) + unitCount (1) + workerCount (1)
    expect(costOf('{ workforceStatistics { unitCount workerCount } }')).toBe(3);
  });

  it("multiplies a connection's selection by first, and not again by its edges list", () => {
    // units: 1 + 7 × (edges: 1 + 1 × (node: 1 + code 1)); totalCount inside the connection counts 7 times too
    expect(costOf('{ units(first: 7) { edges { node { code } } } }')).toBe(1 + 7 * 3);
    expect(costOf('{ units(first: 7) { totalCount edges { node { code } } } }')).toBe(1 + 7 * 4);
  });

  it('reads first from variables and their defaults, and uses the default page size without it', () => {
    const byVariable = 'query Page($n: Int) { units(first: $n) { edges { node { code } } } }';
    expect(costOf(byVariable, { n: 40 })).toBe(1 + 40 * 3);
    expect(costOf(byVariable)).toBe(1 + weights.defaultPageSize * 3);
    expect(costOf(byVariable, { n: null })).toBe(1 + weights.defaultPageSize * 3);
    expect(costOf('query Page($n: Int = 5) { units(first: $n) { edges { node { code } } } }')).toBe(1 + 5 * 3);
    expect(costOf('{ units { edges { node { code } } } }')).toBe(1 + weights.defaultPageSize * 3);
  });

  it('multiplies nested connections', () => {
    const nested = '{ units(first: 500) { edges { node { workers(first: 500) { edges { node { nik } } } } } } }';
    // inner: 1 + 500 × 3 = 1,501; outer: 1 + 500 × (1 + (1 + 1,501))
    expect(costOf(nested)).toBe(1 + 500 * (1 + 1 + 1 + 500 * 3));
  });

  it('counts a list without a page size as listFactor items', () => {
    // worker 1 + (bpjs 1 + (claims 1 + 10 × (id 1 + amount 1)))
    expect(costOf('{ worker(nik: "3171010101900001") { bpjs { claims { id amount } } } }')).toBe(1 + 1 + 1 + 10 * 2);
  });

  it('follows fragments and inline fragments, and lets introspection fields cost nothing', () => {
    const viaFragments =
      'query { __typename unit(code: "X") { __typename ...Names ... on Unit { kind } } } fragment Names on Unit { code name }';
    expect(costOf(viaFragments)).toBe(1 + 3);
    expect(costOf('{ __schema { types { name fields { name } } } }')).toBe(0);
  });

  it('estimates fragments spread twice at every level without exponential work', () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, level) =>
      level === levels - 1
        ? `fragment F${level} on Unit { code }`
        : `fragment F${level} on Unit { ...F${level + 1} ...F${level + 1} }`,
    ).join(' ');
    const started = performance.now();
    expect(costOf(`{ unit(code: "X") { ...F0 } } ${fragments}`)).toBe(1 + 2 ** (levels - 1));
    expect(performance.now() - started).toBeLessThan(100);
  });
});
