/**
 * Compiled execution of queries (graphql-jit), plugged into Apollo through its gateway
 * interface — Apollo Server 5 has no `executor` option, but a gateway's `load` returns the
 * schema and the function that executes each request after Apollo has parsed, validated
 * and resolved the operation (plugins, limits and error formatting stay Apollo's).
 *
 * Why: under the peer benchmark graphql-js's per-field machinery (executeField,
 * getArgumentValues for every field, promiseForObject, completeValue) and the garbage it
 * makes were a third of the server's CPU for a page of 100 households. graphql-jit compiles
 * an operation once into straight-line code over the schema's resolvers.
 *
 * What is compiled: query operations, once per parsed document (Apollo's document store
 * hands the same DocumentNode for the same query text, so a WeakMap keyed by it is the
 * cache, and it forgets what Apollo's LRU forgets). Mutations (serial, write paths, not
 * hot), introspection and anything graphql-jit refuses to compile run on graphql-js as
 * before. When a compiled query answers without `data` (variable coercion failed before
 * execution), the request is run again on graphql-js so that clients get graphql-js's exact
 * messages and Apollo's BAD_USER_INPUT mapping — nothing has executed, so nothing runs twice.
 */
import { BREAK, execute, GraphQLError, visit, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import type { Context } from './context.js';
import { runJsonPlan } from './json-plan/plan.js';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Compiled = Pick<CompiledQuery, 'query'> | null;

/** `jsonPlan`: answer the common read shapes from PostgreSQL-built JSON first (./json-plan/plan.ts; config JSON_PLAN). */
export function compiledQueries(schema: GraphQLSchema, opts: { jsonPlan?: boolean } = {}): Gateway {
  const cache = new WeakMap<DocumentNode, Map<string, Compiled>>();
  // graphql-scalars' LocalDate validates every value with a regexp, a Date and a round trip
  // (3 % of a village page's CPU); stored dates are 'YYYY-MM-DD' strings from PostgreSQL, so
  // those pass as they are and anything else goes through the scalar's own serialize.
  const localDate = schema.getType('LocalDate') as { serialize(v: unknown): unknown } | undefined;
  const customSerializers: Record<string, (v: unknown) => unknown> = {};
  if (localDate) customSerializers.LocalDate = (v) => (typeof v === 'string' && v.length === 10 && LOCAL_DATE.test(v) ? v : localDate.serialize(v));

  const compiledFor = (document: DocumentNode, operationName: string | null | undefined): Compiled => {
    let byName = cache.get(document);
    if (!byName) cache.set(document, (byName = new Map()));
    const key = operationName ?? '';
    if (byName.has(key)) return byName.get(key)!;
    let compiled: Compiled = null;
    if (!selectsIntrospection(document)) {
      try {
        const c = compileQuery(schema, document, operationName ?? undefined, { customSerializers });
        compiled = isCompiledQuery(c) ? c : null;
      } catch {
        compiled = null;
      }
    }
    byName.set(key, compiled);
    return compiled;
  };

  const executor = async (rc: {
    document: DocumentNode;
    operation: { operation: string };
    request: { operationName?: string; variables?: Record<string, unknown> };
    context: unknown;
  }): Promise<ExecutionResult> => {
    const { document, request } = rc;
    const plain = () => execute({ schema, document, contextValue: rc.context, variableValues: request.variables, operationName: request.operationName });
    if (opts.jsonPlan && rc.operation.operation === 'query') {
      const planned = await runJsonPlan(schema, document, request.operationName, request.variables, rc.context as Context);
      if (planned) {
        // Told to tests and benchmarks in extensions under EXPOSE_QUERY_STATS (http/stats-plugin.ts).
        const stats = (rc.context as { statements?: { planned?: boolean } }).statements;
        if (stats) stats.planned = true;
        return { data: JSON.parse(planned) };
      }
    }
    const compiled = rc.operation.operation === 'query' ? compiledFor(document, request.operationName) : null;
    if (!compiled) return plain();
    const result = await compiled.query(undefined, rc.context, request.variables ?? {});
    if (result.data === undefined && result.errors?.length) return plain();
    if (result.errors?.some((e) => !e.extensions)) result.errors = result.errors.map(withExtensions);
    return result as ExecutionResult;
  };

  return {
    async load() {
      return { executor: executor as never };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}

/**
 * graphql-jit reports an error thrown by a resolver that is not a GraphQLError (a lost
 * database connection, a bug) without `extensions`, which Apollo's error formatting cannot
 * read — the client got a bare "Internal server error" and the log nothing. Made a GraphQL
 * error around the original, as graphql-js does, it goes through format-error.ts like any other.
 */
function withExtensions(e: GraphQLError): GraphQLError {
  if (e.extensions) return e;
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, originalError: e.originalError ?? e });
}

/** Whether the document selects `__schema` or `__type` anywhere (graphql-js answers those). */
function selectsIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
