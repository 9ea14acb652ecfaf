import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZES } from '@jembatan/kit/page-request';
import { getVariableValues } from 'graphql';
import type { GatewayContext } from '../context';
import { estimateOperationCost, type CostWeights } from './operation-cost';
import { QUERY_LIMIT_CODES, QueryLimitError } from './query-limit-error';

/**
 * The weights of the estimate. The default page size is the subgraphs' own, so the estimate
 * follows it if it changes; 10 is a generous length for the short lists we serve without paging
 * (a worker's enrolments and claims, a unit's children, one row per programme or category).
 */
export const COST_WEIGHTS: CostWeights = { defaultPageSize: DEFAULT_PAGE_SIZES.defaultSize, listFactor: 10 };

/**
 * Refuses an operation whose estimated cost is above `maxCost`. A validation rule cannot do
 * this: `first` is usually a variable, and variables are only known per request, once the
 * operation is resolved.
 */
export function costLimitPlugin(
  maxCost: number,
  weights: CostWeights = COST_WEIGHTS,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not fit their types get the request refused before any planning
          // or fetching, so there is nothing to estimate.
          if (variables.errors) return;
          const cost = estimateOperationCost(schema, document, operation, variables.coerced, weights);
          if (cost > maxCost) {
            throw new QueryLimitError(
              QUERY_LIMIT_CODES.cost,
              `Estimated cost limit of ${maxCost} exceeded, found ${cost}.`,
            );
          }
        },
      };
    },
  };
}
