import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf, readSavedOperations, SUPERGRAPH_PATH } from '@jembatan/schema';
import { AGGREGATE_FIELDS, selectsOnlyAggregates } from '../aggregate-fields';

const schema = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8'));
const onlyAggregates = (query: string) => selectsOnlyAggregates(schema, parse(query));

describe('the aggregate fields', () => {
  it('name fields of the supergraph the gateway serves', () => {
    for (const coordinate of AGGREGATE_FIELDS) {
      const [typeName, fieldName] = coordinate.split('.') as [string, string];
      const type = schema.getType(typeName);
      expect(type && 'getFields' in type, coordinate).toBe(true);
      if (fieldName !== '*')
        expect((type as { getFields(): object }).getFields(), coordinate).toHaveProperty(fieldName);
    }
  });

  it('make the saved statistics and coverage operations cacheable, and none that reads a person', () => {
    const verdicts = Object.fromEntries(
      readSavedOperations().map((operation) => [operation.name, selectsOnlyAggregates(schema, operation.document)]),
    );
    expect(verdicts).toEqual({
      ClaimsByProgram: true,
      // `Query.units` is not among the cacheable fields: directory pages are read fresh.
      CoverageByUnit: false,
      UnitCoverage: true,
      UnitDirectory: false,
      UnitStaffWithBpjs: false,
      WorkerEnrolment: false,
      WorkforceByCategory: true,
    });
  });

  it('look at every depth, fragment and root field', () => {
    expect(onlyAggregates('{ participationStatistics { employers bySegment { segment } } __typename }')).toBe(true);
    expect(onlyAggregates('{ unit(code: "DINKES") { parent { name children { code headcount } } } }')).toBe(true);
    expect(
      onlyAggregates('{ unit(code: "DINKES") { ...cover } } fragment cover on Unit { bpjsCoverage { enrolled } }'),
    ).toBe(true);

    expect(onlyAggregates('{ workforceStatistics { unitCount } units { totalCount } }')).toBe(false);
    expect(onlyAggregates('{ unit(code: "DINKES") { children { workers { totalCount } } } }')).toBe(false);
    expect(
      onlyAggregates('{ unit(code: "DINKES") { ...staff } } fragment staff on Unit { workers { totalCount } }'),
    ).toBe(false);
    expect(onlyAggregates('{ claimStatistics(year: 2016) { count } participant(kpj: "12345678901") { name } }')).toBe(
      false,
    );
    expect(onlyAggregates('{ accessLogOfCaller(subject: "x") { workforce { id } } }')).toBe(false);
    expect(onlyAggregates('{ __schema { types { name } } }')).toBe(false);
    expect(onlyAggregates('subscription { workforceStatistics { unitCount } }')).toBe(false);
  });
});
