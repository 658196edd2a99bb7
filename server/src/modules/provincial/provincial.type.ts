/** GraphQL types of the provincial figures and a village's poor-village indicators 一高一低一无. */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum EconomicRegion { EAST = 'EAST', CENTRAL = 'CENTRAL', WEST = 'WEST' }
registerEnumType(EconomicRegion, {
  name: 'EconomicRegion',
  description: 'The province’s economic region: exit thresholds are higher (3 %) in the west.',
  valuesConfig: { EAST: { description: '东部 — eastern region' }, CENTRAL: { description: '中部 — central region' }, WEST: { description: '西部 — western region (3 % exit thresholds)' } },
});

export enum VillageRule { ALL_THREE = 'ALL_THREE', TWO_OF_THREE = 'TWO_OF_THREE' }
registerEnumType(VillageRule, {
  name: 'VillageIdentificationRule',
  description: 'How many of 一高一低一无 identify a poor village in a province.',
  valuesConfig: { ALL_THREE: { description: 'all three (the 2014 policy, in principle)' }, TWO_OF_THREE: { description: 'any two of the three (a provincial adaptation)' } },
});

@ObjectType({ description: 'A province’s figures for a year: what poor villages are identified against and what villages and counties exit against.' })
export class ProvincialFigures {
  @Field(() => String, { description: '2-digit province code.' }) provinceCode!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Float, { description: 'Rural poverty incidence 贫困发生率 of the province, as a fraction (0.05 = 5 %).' }) povertyIncidence!: number;
  @Field(() => Float, { description: 'Average rural per-capita net income 农民人均纯收入 of the province, yuan.' }) averageNetIncome!: number;
  @Field(() => EconomicRegion, { description: 'Economic region.' }) region!: EconomicRegion;
  @Field(() => Float, { description: 'A village exits below this poverty incidence, as a fraction (default 0.02, 0.03 in the west).' }) villageExitIncidence!: number;
  @Field(() => Float, { description: 'A county exits below this comprehensive poverty incidence 综合贫困发生率, as a fraction (default 0.02, 0.03 in the west).' }) countyExitIncidence!: number;
  @Field(() => VillageRule, { description: 'How many of 一高一低一无 identify a poor village.' }) villageRule!: VillageRule;
  @Field(() => String, { description: 'Who set them (token subject).' }) setBy!: string;
  @Field(() => Date, { description: 'When they were last set.' }) setAt!: Date;
}

@InputType({ description: 'A province’s figures for a year (admins only). Rates are fractions: 0.05 = 5 %.' })
export class SetProvincialFiguresInput {
  @Field(() => String, { description: '2-digit province code, e.g. 43 for 湖南.' }) provinceCode!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Float, { description: 'Rural poverty incidence of the province, a fraction from 0 to 1.' }) povertyIncidence!: number;
  @Field(() => Float, { description: 'Average rural per-capita net income of the province, yuan.' }) averageNetIncome!: number;
  @Field(() => EconomicRegion, { description: 'Economic region.' }) region!: EconomicRegion;
  @Field(() => Float, { nullable: true, description: 'Village exit threshold (default 0.02, 0.03 in the west).' }) villageExitIncidence?: number;
  @Field(() => Float, { nullable: true, description: 'County comprehensive-incidence exit threshold (default 0.02, 0.03 in the west).' }) countyExitIncidence?: number;
  @Field(() => VillageRule, { nullable: true, description: 'How many of 一高一低一无 identify a poor village (default ALL_THREE).' }) villageRule?: VillageRule;
}

@ObjectType({ description: 'One of the indicators 一高一低一无: the village’s figure, the threshold, and whether it is met.' })
export class VillageIndicator {
  @Field(() => Float, { description: 'The village’s figure (an incidence as a fraction, or yuan).' }) value!: number;
  @Field(() => Float, { description: 'The threshold it is compared with (same unit).' }) threshold!: number;
  @Field(() => Boolean, { description: 'Whether the indicator is met.' }) met!: boolean;
  @Field(() => String, { description: 'The comparison in words, with the numbers.' }) explanation!: string;
}

@ObjectType({ description: 'A village judged by 一高一低一无 for a year, from its survey and its province’s figures.' })
export class PovertyIndicators {
  @Field(() => Int, { description: 'The survey year.' }) year!: number;
  @Field(() => VillageIndicator, { description: '一高: poverty incidence (poor people ÷ population) above twice the provincial rate.' }) highIncidence!: VillageIndicator;
  @Field(() => VillageIndicator, { description: '一低: per-capita net income below 60 % of the provincial average.' }) lowIncome!: VillageIndicator;
  @Field(() => VillageIndicator, { description: '一无: no collective income.' }) noCollectiveIncome!: VillageIndicator;
  @Field(() => Int, { description: 'How many of the three are met.' }) met!: number;
  @Field(() => VillageRule, { description: 'The province’s rule: all three, or any two.' }) rule!: VillageRule;
  @Field(() => Boolean, { description: 'Whether the village qualifies as a poor village under the rule.' }) qualifies!: boolean;
  @Field(() => ProvincialFigures, { description: 'The provincial figures used.' }) figures!: ProvincialFigures;
}
