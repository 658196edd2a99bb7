/** Refuses a subscription sent over HTTP with BAD_REQUEST (400) that says where it runs: over WebSocket (./websocket.ts). */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const subscriptionsOverWebSocket: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError('subscriptions run over WebSocket at this same /graphql URL (protocol graphql-transport-ws): the SDK’s subscribeChanges() does it, or use follow() over HTTP', {
          extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
        });
      },
    };
  },
};
