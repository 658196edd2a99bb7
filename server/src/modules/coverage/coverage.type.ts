/** GraphQL types of coverage gaps: who needs what a sector provides and has no project of it. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Sector } from '../../codes/index.js';

@ObjectType({ description: "A sector's coverage gaps in an area: registered households and poor villages that need what the sector provides and are linked to none of its projects." })
export class CoverageGaps {
  @Field(() => Sector.values, { description: 'The sector.' }) sector!: string;
  @Field(() => String, { description: 'The area (code prefix) looked at.' }) areaCode!: string;
  @Field(() => String, { nullable: true, description: 'The household need this sector answers; null if it has none at household level.' }) householdNeed!: string | null;
  @Field(() => String, { nullable: true, description: 'The poor-village need this sector answers; null if none.' }) villageNeed!: string | null;
}

@ObjectType({ description: 'Gaps in one child area.' })
export class CoverageGapCount {
  @Field(() => String, { description: 'Code of the child area.' }) areaCode!: string;
  @Field(() => Int, { description: 'Households in the gap.' }) households!: number;
  @Field(() => Int, { description: 'Poor villages in the gap.' }) villages!: number;
}
