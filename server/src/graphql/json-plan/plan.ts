/**
 * JSON plans (issue 12, "a read path that costs what the answer costs"): the common read
 * shapes are answered without resolvers — one SQL statement per level of the selection that
 * reads exactly the columns the operation selects, and writers that turn the rows into the
 * answer's JSON text — instead of mapping rows into models and resolving every field.
 *
 * A query is planned only when every root field has a plan (ROOTS) and every field below it is
 * one its module's plan can read (a stored column, or a relation the module plans); anything
 * else — a field resolved by another module, `totalCount`, a directive, an argument the plan
 * does not know, a check that fails — and the whole operation runs on the executor as before,
 * so errors and their messages stay the resolvers'. Access is in the plan's SQL as in the
 * stores' (auth/scope.ts), and the services' checks run first. JSON_PLAN=false turns it off.
 */
import { getOperationAST, getVariableValues, Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type GraphQLField, type GraphQLSchema } from 'graphql';
import { selectRows } from '../../db/raw.js';
import { named } from '../../db/stats.js';
import type { Db } from '../../db/client.js';
import type { Context } from '../context.js';
import { newBuild, type Build, type Row } from './object.js';
import { selectionOf, type Selected } from './selection.js';
import { householdRoot, householdsRoot, nodeRoot } from '../../modules/household/household.json.js';
import { villageRoot } from '../../modules/village/village.json.js';

/** A root field's statement, ready to run, and how its rows are written. */
export interface Statement {
  build: Build;
  text: string;
  named: string;
  write: (rows: Row[]) => string;
}
/** A root field's plan, or undefined when the field cannot be planned. */
export type RootPlan = (ctx: Context, b: Build, field: GraphQLField<unknown, unknown>, f: Selected) => Statement | undefined;

const ROOTS: Record<string, RootPlan> = { households: householdsRoot, household: householdRoot, node: nodeRoot, village: villageRoot };

/**
 * Documents (with operation name) that can never have a plan whatever their variables: not a
 * query, or a root field no plan covers. Remembered per parsed document (Apollo caches those),
 * so a mutation or another query pays the operation lookup once, not on every request.
 */
const never = new WeakMap<DocumentNode, Set<string>>();

export function neverPlanned(operation: OperationDefinitionNode | null | undefined): boolean {
  if (operation?.operation !== 'query') return true;
  return operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value !== '__typename' && !Object.hasOwn(ROOTS, s.name.value));
}

/** Runs the statements of the level below `b` for these rows (one each), and theirs in turn. */
async function loadChildren(db: Db, b: Build, rows: Row[]): Promise<void> {
  for (const c of b.children) {
    const keys = [...new Set(rows.map((r) => r[c.parentKey]).filter((k) => k != null))];
    if (!keys.length) continue;
    const text = c.text(c.build.p.add(keys));
    const childRows = await named('jsonPlan.child', () => selectRows<Row>(db, text, c.build.p.values));
    await loadChildren(db, c.build, childRows);
    for (const r of childRows) {
      const group = c.groups.get(r[c.key]);
      if (group) group.push(r);
      else c.groups.set(r[c.key], [r]);
    }
  }
}

/** The answer's JSON text (`{"field": …}` of `data`) from its plan, or undefined when it has none (run it on the executor). */
export async function runJsonPlan(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, ctx: Context): Promise<string | undefined> {
  const key = operationName ?? '';
  if (never.get(document)?.has(key)) return undefined;
  const operation = getOperationAST(document, operationName);
  if (neverPlanned(operation)) {
    const names = never.get(document) ?? new Set<string>();
    never.set(document, names.add(key));
    return undefined;
  }
  if (!operation) return undefined;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const query = schema.getQueryType()!;
  const op = { schema, fragments, variables: coerced.coerced };
  const selected = selectionOf(op, query, [operation.selectionSet]);
  if (!selected?.length) return undefined;
  try {
    const parts: (string | Statement)[] = [];
    for (const f of selected) {
      if (f.name === '__typename') parts.push(JSON.stringify(query.name));
      else {
        const st = (Object.hasOwn(ROOTS, f.name) ? ROOTS[f.name] : undefined)?.(ctx, newBuild(op, ctx.caller), query.getFields()[f.name], f);
        if (!st) return undefined;
        parts.push(st);
      }
    }
    const values = await Promise.all(parts.map(async (st) => {
      if (typeof st === 'string') return st;
      const rows = await named(st.named, () => selectRows<Row>(ctx.db, st.text, st.build.p.values));
      await loadChildren(ctx.db, st.build, rows);
      return st.write(rows);
    }));
    return `{${selected.map((f, i) => `${JSON.stringify(f.key)}:${values[i]}`).join(',')}}`;
  } catch {
    // A check refused or a statement failed: the executor gives the error as the API always has.
    return undefined;
  }
}
