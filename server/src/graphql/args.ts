/** Arguments every connection field takes, described once. */
import { Arg, Int } from 'type-graphql';

export const First = () => Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' });
export const After = () => Arg('after', () => String, { nullable: true, description: 'Cursor to start after: pageInfo.endCursor of the previous page.' });
