/**
 * Answers 503 + `retry-after` when an error of the request was a lost database
 * (db/unavailable.ts; format-error.ts gives it the code SERVICE_UNAVAILABLE), so that
 * clients and load balancers retry instead of reporting a fault.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { RETRY_AFTER_S } from '../db/unavailable.js';

export const unavailableAs503: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        if (!response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_S));
      },
    };
  },
};
