/**
 * Adds the request's SQL statement count to `extensions.sqlStatements` when EXPOSE_QUERY_STATS is on
 * (tests, benchmarks), and `extensions.jsonPlan: true` when a JSON plan answered it (graphql/json-plan).
 */
import type { ApolloServerPlugin } from '@apollo/server';

export function statsPlugin(expose: boolean): ApolloServerPlugin<{ statements: { count: number; planned?: boolean } }> {
  if (!expose) return {};
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: contextValue.statements.count, ...(contextValue.statements.planned && { jsonPlan: true }) };
        },
      };
    },
  };
}
