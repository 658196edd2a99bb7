/**
 * Every answer says what its query cost and what the limit is (issue 13 item 4, "published
 * limits"): `extensions.cost = { estimated, limit }`, computed before execution by the cost
 * analysis of graphql/limits.ts (a query over the limit is refused before it runs).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { documentCost, MAX_COST } from '../graphql/limits.js';

export const costInExtensions: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, document, operationName }) {
        if (response.body.kind !== 'single' || !document) return;
        const estimated = documentCost.get(document)?.get(operationName ?? '');
        if (estimated === undefined) return;
        response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: { estimated, limit: MAX_COST } };
      },
    };
  },
};
