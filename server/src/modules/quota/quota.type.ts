/** GraphQL types of quota control 规模控制: quotas of poor people 人口规模 per area and year, and their use. */
import { Field, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A quota 规模: how many poor people 人口规模 an area may register in a year.' })
export class Quota {
  @Field(() => String, { description: 'The area: empty for the national figure, else a 2/4/6/9/12-digit statistical code.' }) areaCode!: string;
  @Field(() => Int, { description: 'The identification year the quota applies to.' }) year!: number;
  @Field(() => Int, { description: 'The quota, in people 人口规模 (not households).' }) people!: number;
  @Field(() => Int, { description: 'People used under the area: approved households of the year, not released.' }) used!: number;
  @Field(() => String, { description: 'Who set it (token subject).' }) setBy!: string;
  @Field(() => Date, { description: 'When it was last set.' }) setAt!: Date;
}

@InputType({ description: 'Sets an area’s quota for a year. An admin sets any (the national figure and provinces); an official sets the areas below their own.' })
export class SetQuotaInput {
  @Field(() => String, { description: 'Empty for the national figure, else a 2/4/6/9/12-digit area code.' }) areaCode!: string;
  @Field(() => Int, { description: 'The identification year.' }) year!: number;
  @Field(() => Int, { description: 'The quota in people 人口规模: the areas below may not together hold more, and it may not fall below what they hold or what is used.' }) people!: number;
}

@ObjectType({ description: 'A child area’s quota and use for a year.' })
export class QuotaChildUse {
  @Field(() => String, { description: 'The child area’s statistical code.' }) areaCode!: string;
  @Field(() => String, { description: 'The child area’s name.' }) name!: string;
  @Field(() => Int, { nullable: true, description: 'Its quota in people 人口规模; null when none is set (no limit at that level).' }) quota!: number | null;
  @Field(() => Int, { description: 'People counted against quotas under it: approved households of the year, not released.' }) used!: number;
  @Field(() => Int, { nullable: true, description: 'Quota minus used, in people; null without a quota.' }) remaining!: number | null;
}

@ObjectType({ description: 'An area’s quota and its use for a year, with each child area’s.' })
export class QuotaUse {
  @Field(() => String, { description: 'The area: empty for the nation.' }) areaCode!: string;
  @Field(() => String, { description: 'The area’s name (全国 for the nation).' }) name!: string;
  @Field(() => Int, { description: 'The identification year.' }) year!: number;
  @Field(() => Int, { nullable: true, description: 'The area’s quota in people 人口规模; null when none is set.' }) quota!: number | null;
  @Field(() => Int, { description: 'People used under the area: approved households of the year, not released.' }) used!: number;
  @Field(() => Int, { nullable: true, description: 'Quota minus used, in people; null without a quota.' }) remaining!: number | null;
  @Field(() => Int, { description: 'People of quota already split to the areas below (the nearest level below that has quotas).' }) allocated!: number;
  @Field(() => [QuotaChildUse], { description: 'Each child area (next level down) with its quota and use, in code order.' }) children!: QuotaChildUse[];
}
