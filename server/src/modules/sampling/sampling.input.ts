/** Input of spot-check sampling 抽检核查 (issue 14). */
import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({ description: 'The satisfaction survey’s split 5:3:2.' })
export class SatisfactionRatioInput {
  @Field(() => Int, { description: 'Registered households with labour (5).' }) withLabour!: number;
  @Field(() => Int, { description: 'Non-registered households, found on site (3).' }) nonRegistered!: number;
  @Field(() => Int, { description: 'Registered households without labour (2).' }) withoutLabour!: number;
}

@InputType({ description: 'A sampling plan for a county and year; the same seed on the same register gives the same list.' })
export class DrawSpotCheckSampleInput {
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => String, { nullable: true, description: 'Draw only within this township or village of the county (a township’s own check 乡镇自查); the whole county when left out.' }) withinAreaCode?: string | null;
  @Field(() => Int, { description: 'Year checked: its planned exits 计划脱贫 are all taken.' }) year!: number;
  @Field(() => Int, { description: 'Seed of the generator (0 to 2,147,483,647): keep it to draw the same list again.' }) seed!: number;
  @Field(() => Int, { description: 'Villages checked whole 整村抽查 (e.g. 4–6).' }) wholeVillages!: number;
  @Field(() => Float, { description: 'Percent of the other registered households of each other village (e.g. 20).' }) otherPercent!: number;
  @Field(() => Int, { description: 'At most this many of them per village (e.g. 200).' }) otherCapPerVillage!: number;
  @Field(() => Int, { description: 'Villages of the satisfaction survey 满意度调查 (at least 2 by the usual plan).' }) satisfactionVillages!: number;
  @Field(() => Int, { description: 'Households per satisfaction village (e.g. 10), split by the ratio.' }) satisfactionPerVillage!: number;
  @Field(() => SatisfactionRatioInput, { description: 'The split, e.g. 5:3:2.' }) ratio!: SatisfactionRatioInput;
}
