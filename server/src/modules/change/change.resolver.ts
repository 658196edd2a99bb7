/** The change feed: the `changes` query, its end cursor, and the `changes` subscription (over graphql-ws). */
import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { ChangeEvent } from './change.type.js';
import { ChangeFilterInput } from './change.input.js';
import { changeService } from './change.service.js';
import { changeStream, type ChangeEdge } from './change.subscription.js';
import { pollingOnly } from './change.listener.js';

const ChangeEventConnection = Connection(ChangeEvent, 'ChangeEvent', 'change event');
const ChangeEventEdge = ChangeEventConnection.Edge;

@Resolver()
export class ChangeResolver {
  @Query(() => ChangeEventConnection, {
    description:
      'The change feed of your area: every accepted write, oldest first, gap-free. Keep pageInfo.endCursor (or an edge cursor) and pass it as `after` to resume: '
      + 'no event is skipped or repeated, even one whose transaction commits late. Not for donors.',
  })
  changes(
    @Ctx() ctx: Context,
    @Arg('filter', () => ChangeFilterInput, { nullable: true, description: 'Which events.' }) filter?: ChangeFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return changeService.page(ctx, withoutNulls({ ...filter, first, after }));
  }

  @Query(() => String, {
    description:
      'A cursor at the current end of the change feed: pass it as `after` to `changes` or to the `changes` subscription to get only the events of writes from now on; '
      + 'donors pass it to the `matchingNeeds` subscription.',
  })
  changeFeedEnd(@Ctx() ctx: Context) {
    return changeService.end(ctx);
  }

  @Subscription(() => ChangeEventEdge, {
    name: 'changes',
    description:
      'The change feed of your area, pushed (GraphQL over WebSocket, protocol graphql-transport-ws, at the same /graphql endpoint; send the token as '
      + '`{ "authorization": "Bearer <token>" }` in connection_init). Each event comes once, in feed order, with its cursor: from `after`, or from the end '
      + 'of the feed when the subscription starts. Exactly the events your `changes` query returns (same area, same filter); save the last cursor and '
      + 'subscribe again with it as `after` after a disconnect. Not for donors.',
    subscribe: ({ args, context }) => {
      const ctx = context as Context;
      const { after, filter } = args as { after?: string | null; filter?: ChangeFilterInput | null };
      return changeStream(ctx, withoutNulls({ ...withoutNulls(filter), after }), ctx.changes ?? pollingOnly);
    },
  })
  changeEvents(
    @Root() edge: ChangeEdge,
    @Arg('filter', () => ChangeFilterInput, { nullable: true, description: 'Which events.' }) _filter?: ChangeFilterInput,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to start after (an event’s cursor you kept, or `changeFeedEnd`); the current end of the feed when absent.' }) _after?: string,
  ): ChangeEdge {
    return edge;
  }
}
