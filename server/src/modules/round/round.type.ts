/** GraphQL types of the annual update round 年度动态调整 and the standings it stores. */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { RoundStatus, StandingResult } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'An annual update round 年度动态调整: an area’s households record a year’s income and conditions; closing it stores each household’s standing against the year’s line.' })
export class UpdateRound {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'The area the round covers (2 to 12-digit code); a county round covers its villages.' }) areaCode!: string;
  @Field(() => Int, { description: 'The income year being updated 年度.' }) year!: number;
  @Field(() => RoundStatus.values, { description: 'Open or closed.' }) status!: string;
  @Field(() => GraphQLLocalDate, { description: 'Deadline 截止日期: before it a round with households pending cannot close.' }) closesOn!: string;
  @Field(() => String, { description: 'Who opened it (token subject).' }) openedBy!: string;
  @Field(() => Date, { description: 'When it was opened.' }) openedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who closed it; null while open.' }) closedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was closed; null while open.' }) closedAt!: Date | null;
  /** Internal key. */
  key!: string;
}

@ObjectType({ description: 'How far a round has come, counted within your area: registered households due, and those with a record of the year.' })
export class RoundProgress {
  @Field(() => Int, { description: 'Registered households in the round’s area (and yours).' }) due!: number;
  @Field(() => Int, { description: 'Of these, households with a record of the year.' }) updated!: number;
  @Field(() => Int, { description: 'Of these, households not yet updated: due − updated.' }) pending!: number;
}

@ObjectType({ description: 'Standings stored when the round closed, counted within your area.' })
export class RoundSummary {
  @Field(() => Int, { description: 'Households whose per-capita net income was above the line.' }) aboveLine!: number;
  @Field(() => Int, { description: 'Households at or under the line.' }) belowLine!: number;
  @Field(() => Int, { description: 'Households with no record of the year when the round closed.' }) noRecord!: number;
  @Field(() => Int, { description: 'Households with a record but no line for the year under their identification standard.' }) noLine!: number;
  @Field(() => Int, { description: 'All households whose standing was stored.' }) total!: number;
}

@ObjectType({ description: 'A household’s standing for a year, stored when an update round closed (a snapshot: Household.standing is computed live).' })
export class StoredStanding {
  @Field(() => Int, { description: 'The income year.' }) year!: number;
  @Field(() => StandingResult.values, { description: 'Above, below, no record, or no line.' }) result!: string;
  @Field(() => Float, { nullable: true, description: 'Per-capita net income that year, yuan; null without a record.' }) perCapitaNetIncome!: number | null;
  @Field(() => Float, { nullable: true, description: 'The line applied, yuan per person; null without one.' }) lineYuan!: number | null;
  @Field(() => String, { nullable: true, description: 'The line’s area: "" national, 2 digits provincial, 4 digits municipal.' }) lineAreaCode!: string | null;
  @Field(() => Date, { description: 'When it was computed.' }) computedAt!: Date;
  /** The round that stored it. */
  roundId!: string;
}

@InputType({ description: 'Opens an annual update round for an area and year.' })
export class OpenUpdateRoundInput {
  @Field(() => String, { description: 'The area: a 2, 4, 6, 9 or 12-digit code inside your area.' }) areaCode!: string;
  @Field(() => Int, { description: 'The income year to update, from 2013 to this year.' }) year!: number;
  @Field(() => GraphQLLocalDate, { description: 'Deadline, today or later.' }) closesOn!: string;
}

@ObjectType({ description: 'The result of closing a round: the round and the standings it stored.' })
export class CloseUpdateRoundPayload {
  @Field(() => UpdateRound, { description: 'The closed round.' }) round!: UpdateRound;
  @Field(() => RoundSummary, { description: 'Standings stored, by result, for the whole round.' }) summary!: RoundSummary;
}
