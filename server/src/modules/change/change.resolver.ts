/** The change feed query. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { ChangeEvent } from './change.type.js';
import { ChangeFilterInput } from './change.input.js';
import { changeService } from './change.service.js';

const ChangeEventConnection = Connection(ChangeEvent, 'ChangeEvent', 'change event');

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
}
