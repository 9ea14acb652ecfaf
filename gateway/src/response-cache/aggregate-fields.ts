import { BREAK, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * The fields whose answers are the same for everyone allowed to see them: counts and sums the
 * agencies compute in their databases, about nobody in particular, and the public directory facts
 * of the unit they hang off (`unit(code:) { name headcount bpjsCoverage }`). Both agencies grant
 * every one of these to every role without a purpose, and classify none as personal, so no read
 * of them is ever written to an audit trail: serving them from a cache skips no audit record.
 * `Type.*` stands for every field of the type. A field added to the schema is not cacheable until
 * it is listed here: deny by default, as the agencies' policies do.
 */
export const AGGREGATE_FIELDS: readonly string[] = [
  // Pemprov DKI: the registry's counts.
  'Query.workforceStatistics',
  'WorkforceStatistics.*',
  'CategoryCount.*',
  'UnitKindCount.*',
  // BPJS Ketenagakerjaan: claims and participation totals.
  'Query.claimStatistics',
  'ClaimStatistics.*',
  'ProgramClaims.*',
  'Query.participationStatistics',
  'ParticipationStatistics.*',
  'SegmentParticipation.*',
  // A unit's coverage and headcount, with the unit's directory entry; never its workers.
  'Query.unit',
  'Unit.code',
  'Unit.name',
  'Unit.kind',
  'Unit.regionCode',
  'Unit.parent',
  'Unit.children',
  'Unit.headcount',
  'Unit.bpjsCoverage',
  'UnitCoverage.*',
  'ProgramCoverage.*',
  'ClaimTotals.*',
];

const allowed = new Set(AGGREGATE_FIELDS);
const isAggregate = (typeName: string, fieldName: string) =>
  allowed.has(`${typeName}.${fieldName}`) || allowed.has(`${typeName}.*`);

function checkDocument(schema: GraphQLSchema, document: DocumentNode): boolean {
  let onlyAggregates = true;
  const typeInfo = new TypeInfo(schema);
  // Every operation and fragment of the document, used or not: a broader look can only refuse more.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(operation) {
        if (operation.operation !== 'query') {
          onlyAggregates = false;
          return BREAK;
        }
        return undefined;
      },
      Field(field) {
        if (field.name.value === '__typename') return undefined;
        const parent = typeInfo.getParentType();
        if (!parent || !isAggregate(parent.name, field.name.value)) {
          onlyAggregates = false;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return onlyAggregates;
}

// Apollo Server reuses the parsed document of a query it has seen, so each is checked once per schema.
const checked = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, boolean>>();

/**
 * True when the document is queries only and every field it selects, at every depth, is an
 * aggregate (AGGREGATE_FIELDS). A field selected on an interface counts under the interface's name.
 */
export function selectsOnlyAggregates(schema: GraphQLSchema, document: DocumentNode): boolean {
  let bySchema = checked.get(schema);
  if (!bySchema) checked.set(schema, (bySchema = new WeakMap()));
  let verdict = bySchema.get(document);
  if (verdict === undefined) bySchema.set(document, (verdict = checkDocument(schema, document)));
  return verdict;
}
