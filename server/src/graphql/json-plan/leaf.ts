/**
 * A leaf of a JSON plan's answer: the SQL that reads it and the function that writes the value
 * PostgreSQL returns as the schema's serializer would write it — an enum's national code → its
 * value name (codes/code-list.ts), numeric as a JSON number (read as float8), a date as
 * 'YYYY-MM-DD' (read as text), a timestamp as DateTimeISO's ISO string, lists element by
 * element. `undefined` for a type it does not know: the plan is then not used.
 */
import { getNamedType, getNullableType, isEnumType, isListType, isScalarType, type GraphQLOutputType } from 'graphql';

/** Writes one value as JSON text. */
export type Write = (value: unknown) => string;

const json = (v: unknown) => (v == null ? 'null' : JSON.stringify(v));
const plain = (v: unknown) => (v == null ? 'null' : String(v));
const iso = (v: unknown) => (v == null ? 'null' : JSON.stringify((v as Date).toISOString()));

const enumWriters = new Map<string, Write>();
function enumWrite(type: { name: string; getValues(): readonly { name: string; value: unknown }[] }): Write {
  let w = enumWriters.get(type.name);
  if (!w) {
    const names = new Map(type.getValues().map((v) => [v.value, JSON.stringify(v.name)]));
    w = (v) => (v == null ? 'null' : names.get(v) ?? 'null');
    enumWriters.set(type.name, w);
  }
  return w;
}

/** How a stored value of `type` is read (`sql(expr)`) and written. */
export function leaf(type: GraphQLOutputType): { sql: (expr: string) => string; write: Write } | undefined {
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (isListType(getNullableType(inner.ofType))) return undefined;
    const element = leaf(inner.ofType);
    if (!element || element.sql('x') !== 'x') return undefined;
    const w = element.write;
    return { sql: (e) => e, write: (v) => (v == null ? 'null' : `[${(v as unknown[]).map(w).join(',')}]`) };
  }
  const named = getNamedType(type);
  if (isEnumType(named)) return { sql: (e) => e, write: enumWrite(named) };
  if (!isScalarType(named)) return undefined;
  switch (named.name) {
    case 'String': case 'ID': return { sql: (e) => e, write: json };
    case 'Int': case 'Boolean': return { sql: (e) => e, write: plain };
    case 'Float': return { sql: (e) => `(${e})::float8`, write: json };
    case 'LocalDate': return { sql: (e) => `(${e})::text`, write: json };
    case 'DateTimeISO': return { sql: (e) => e, write: iso };
    default: return undefined;
  }
}
