/**
 * Models as instances of their GraphQL class, without running its constructor.
 *
 * type-graphql hands a field resolver's root through `convertToType`: unless the root is
 * already an instance of the resolver's class, it builds `new Class()` (every declared
 * field defined, then the absent ones deleted) and copies the root into it — once per
 * field resolver per object, e.g. 200 copies of 30 properties for a page of 100
 * households with `village` and `year`. A model made here passes `instanceof` and is
 * used as is. The class's prototype adds nothing but the type: the data stays the model's.
 */
export function asInstanceOf<C extends object, M extends object>(cls: abstract new (...args: never[]) => C, model: M): M {
  return Object.assign(Object.create(cls.prototype) as object, model) as M;
}

/** `asInstanceOf(cls, { ...row, ...extra })` with one copy of the row instead of two (a page maps every row). */
export function instanceWith<C extends object, R extends object, E extends object>(cls: abstract new (...args: never[]) => C, row: R, extra: E): Omit<R, keyof E> & E {
  return Object.assign(Object.create(cls.prototype) as object, row, extra) as Omit<R, keyof E> & E;
}
