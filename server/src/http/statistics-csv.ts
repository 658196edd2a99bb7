/**
 * GET /statistics.csv (issue 10): the statistics query as a CSV download, with the same
 * bearer token, access and suppression as /graphql (modules/statistics/statistics.csv.ts).
 * Errors come back as JSON with the API's `extensions.code`, and the HTTP status that
 * goes with it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../graphql/context.js';
import { csvRequest, toCsv } from '../modules/statistics/statistics.csv.js';

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

function sendErrors(res: ServerResponse, errors: readonly { message: string; extensions?: Record<string, unknown> }[]) {
  const code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  res.writeHead(STATUS[code] ?? 500, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors: errors.map((e) => ({ message: e.message, extensions: e.extensions })) }));
}

export async function sendStatisticsCsv<C extends Context>(apollo: ApolloServer<C>, _req: IncomingMessage, res: ServerResponse, url: URL, context: () => Promise<C>) {
  let request;
  let contextValue;
  try {
    request = csvRequest(url.searchParams);
    contextValue = await context();
  } catch (e) {
    if (e instanceof GraphQLError) return sendErrors(res, [{ message: e.message, extensions: e.extensions }]);
    throw e;
  }
  const result = await apollo.executeOperation({ query: request.query, variables: request.variables }, { contextValue });
  if (result.body.kind !== 'single') throw new Error('unexpected incremental result');
  const { data, errors } = result.body.singleResult;
  if (errors?.length) return sendErrors(res, errors);
  const statistics = (data as { statistics: Parameters<typeof toCsv>[1] }).statistics;
  const year = (request.variables.input as { year: number | null }).year ?? new Date().getFullYear();
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="statistics-${(request.variables.input as { areaCode: string }).areaCode}-${year}-${request.part}.csv"`,
  });
  res.end(toCsv(request.part, statistics));
}
