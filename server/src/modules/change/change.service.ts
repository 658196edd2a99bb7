/**
 * The change feed (issue 5 item 5): every accepted write's event (appended by
 * audit.service `recordWrite`), read in a gap-free order a client can resume from.
 * Contract: the registry readers (admin, official, cadre, ministry, analyst) read the
 * events of their area, never a donor; the cursor is the feed position of the last
 * event read (see change.store.ts for why it is `(tx_id, id)` and not the id).
 * The `changes` subscription (change.subscription.ts) reads through `page` too.
 */
import { canReadRegistry } from '../../auth/caller.js';
import { requireRegistryReader } from '../../auth/require.js';
import { decodeCursor, encodeCursor, pageSize, toPage } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { checkAreaCode } from '../area/area.service.js';
import { changeEventShape } from './change.event.js';
import { changeStore, type ChangeFilter, type ChangeRow, type FeedPosition } from './change.store.js';

const EVENT_TYPE = /^[a-z]+\.[a-zA-Z]+$/;
const KEY = /^[1-9]\d{0,15}$/;
/** Cursor key: `<tx_id>:<id>`. */
const CURSOR = /^[1-9]\d{0,15}:[1-9]\d{0,15}$/;

export const toChangeEvent = (r: ChangeRow) => ({ __typename: 'ChangeEvent' as const, ...changeEventShape(r) });

const positionOf = (r: { txId: number; id: number }) => `${r.txId}:${r.id}`;

/** The cursor of a feed position, as every feed reader (changes, matchingNeeds, webhooks) hands it out. */
export const feedCursor = (r: { txId: number; id: number }) => encodeCursor(positionOf(r));

/** The feed position of a cursor (undefined without one); BAD_USER_INPUT on `after` if it is not a feed cursor. */
export function feedPosition(after: string | null | undefined): FeedPosition | undefined {
  const cursor = decodeCursor(after, CURSOR);
  return cursor === undefined ? undefined : { txId: Number(cursor.split(':')[0]), id: Number(cursor.split(':')[1]) };
}

function checkFilter(f: ChangeFilter): void {
  if (f.areaCode) checkAreaCode(f.areaCode, 'filter.areaCode', { prefix: true });
  if (f.types && f.types.length === 0) throw badInput([{ field: 'filter.types', reason: 'name at least one event type, or leave types out for all of them' }]);
  const problems = (f.types ?? []).flatMap((t, i) =>
    EVENT_TYPE.test(t) ? [] : [{ field: `filter.types[${i}]`, reason: `"${t}" is not an event type: write it as entity.event, e.g. household.registered` }],
  );
  if (problems.length) throw badInput(problems);
}

export const changeService = {
  /** One event by its global ID's key; null outside the caller's area or role. */
  async byKey(ctx: Context, key: string) {
    if (!canReadRegistry(ctx.caller) || !KEY.test(key)) return null;
    const row = await changeStore.byId(ctx.db, ctx.caller, Number(key));
    return row ? toChangeEvent(row) : null;
  },

  /**
   * A cursor at the feed's current end: reading or subscribing after it gives only what
   * comes from now on. Registry readers, and donors (for `matchingNeeds`): a position in
   * the feed tells nothing of its events.
   */
  async end(ctx: Context): Promise<string> {
    if (ctx.caller.role !== 'donor' || ctx.caller.anonymous) requireRegistryReader(ctx.caller);
    return feedCursor(await changeStore.end(ctx.db));
  },

  async page(ctx: Context, f: ChangeFilter & { first?: number | null; after?: string | null }) {
    requireRegistryReader(ctx.caller);
    const size = pageSize(f.first);
    checkFilter(f);
    const after = feedPosition(f.after);
    const cursor = after && positionOf(after);
    const rows = await changeStore.page(ctx.db, ctx.caller, f, after, size + 1);
    return toPage(rows, size, positionOf, toChangeEvent, () => changeStore.count(ctx.db, ctx.caller, f), cursor);
  },
};
