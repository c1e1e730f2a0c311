import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ErrorCode } from '@wps/kit';
import { GraphQLError } from 'graphql';
import type { QueryCostModel } from './query-cost.js';

export interface CostLimitOptions {
  model: QueryCostModel;
  /** Highest fan-out cost a request may have. */
  maxCost: number;
  /** How many members the registry holds now. */
  memberCount: () => number;
}

/**
 * Refuses a request whose fan-out cost (query-cost.ts) is over the limit,
 * with QUERY_TOO_COSTLY and HTTP 400, before anything is executed: no
 * subgraph, and so no member, is asked. It runs once the operation is
 * resolved, on every request (validated documents are cached, and the
 * registry may have grown since), with the registry's size at that moment.
 */
export function costLimitPlugin<TContext extends BaseContext>(options: CostLimitOptions): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation }) {
          if (!operation) return;
          const members = options.memberCount();
          const cost = options.model.estimateOperation(document, operation, members);
          if (cost <= options.maxCost) return;
          throw new GraphQLError(
            `The query is too costly: its estimated cost is ${Math.ceil(cost)}, over the limit of ${options.maxCost} (with ${members} registered member${members === 1 ? '' : 's'}). ` +
              'Ask for fewer lists, aliases or fields across the members, or split the query.',
            { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
