/** GraphQL types of the village exit check 贫困村出列 and the county exit check 贫困县摘帽 (三率一度). */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CountyExitVerdict {
  PASSES = 'PASSES',
  FAILS = 'FAILS',
  INCOMPLETE = 'INCOMPLETE',
}
registerEnumType(CountyExitVerdict, {
  name: 'CountyExitVerdict',
  description: 'The verdict of a county exit check.',
  valuesConfig: {
    PASSES: { description: 'Every test is judged and passes.' },
    FAILS: { description: 'At least one judged test fails (whatever the others).' },
    INCOMPLETE: { description: 'No judged test fails but one cannot be judged on the data recorded (see `incomplete`): no verdict.' },
  },
});
import { EconomicRegion } from '../provincial/provincial.type.js';

@ObjectType({ description: 'A test an exit check failed, with the figure and the threshold.' })
export class ExitFailure {
  @Field(() => String, { description: 'The test: incidence, comprehensiveIncidence, wrongExitRate, missedRate or approval.' }) test!: string;
  @Field(() => String, { description: 'The figure found and the threshold, in words a reviewer can check.' }) reason!: string;
}

@ObjectType({ description: 'A village’s exit check 贫困村出列 for a year: poverty incidence from the register against the province’s threshold.' })
export class VillageExitCheck {
  @Field(() => String, { description: '12-digit village code.' }) villageCode!: string;
  @Field(() => Int, { description: 'The year (of the survey and the provincial figures).' }) year!: number;
  @Field(() => Int, { description: 'People in registered households not yet out of poverty (status 0 未脱贫 or 3 返贫), as the register stands now.' }) poorPeople!: number;
  @Field(() => Int, { description: 'Rural population 农村人口 from the village’s survey of the year.' }) ruralPopulation!: number;
  @Field(() => Float, { description: 'Poverty incidence 贫困发生率 = poor people ÷ rural population, a fraction.' }) incidence!: number;
  @Field(() => Float, { description: 'The village must be below this incidence (the province’s threshold, a fraction).' }) threshold!: number;
  @Field(() => EconomicRegion, { description: 'The province’s region.' }) region!: EconomicRegion;
  @Field(() => Boolean, { description: 'Whether the village passes.' }) passes!: boolean;
  @Field(() => [ExitFailure], { description: 'What fails; empty when it passes.' }) failures!: ExitFailure[];
}

@InputType({ description: 'A county exit spot check 抽查 (第三方评估): sample sizes and findings. Counts are people unless named households.' })
export class SpotCheckInput {
  @Field(() => Int, { description: 'Exited people sampled.' }) sampledExited!: number;
  @Field(() => Int, { description: 'Of them, wrongly exited 错退 (not meeting the exit standard).' }) wronglyExited!: number;
  @Field(() => Int, { description: 'Non-registered people sampled.' }) sampledNonRegistered!: number;
  @Field(() => Int, { description: 'Of them, poor people missed by the register 漏评.' }) missedPoorFound!: number;
  @Field(() => Int, { description: 'Households surveyed on public approval.' }) surveyedHouseholds!: number;
  @Field(() => Int, { description: 'Of them, households approving 认可.' }) approvingHouseholds!: number;
  @Field(() => Int, { description: 'Missed poor people in the whole county, for the comprehensive incidence 综合贫困发生率.' }) missedPoor!: number;
  @Field(() => Int, { nullable: true, description: 'Registered people sampled, for 错评率 (with wronglyIncluded; leave both out when not checked).' }) sampledRegistered?: number | null;
  @Field(() => Int, { nullable: true, description: 'Of them, people found not to meet the standard 错评.' }) wronglyIncluded?: number | null;
}

@ObjectType({ description: 'A county’s recorded exit spot check for a year.' })
export class SpotCheck {
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Int, { description: 'Exited people sampled.' }) sampledExited!: number;
  @Field(() => Int, { description: 'Wrongly exited people found 错退.' }) wronglyExited!: number;
  @Field(() => Int, { description: 'Non-registered people sampled.' }) sampledNonRegistered!: number;
  @Field(() => Int, { description: 'Missed poor people found 漏评.' }) missedPoorFound!: number;
  @Field(() => Int, { description: 'Households surveyed on public approval.' }) surveyedHouseholds!: number;
  @Field(() => Int, { description: 'Households approving.' }) approvingHouseholds!: number;
  @Field(() => Int, { description: 'Missed poor people in the whole county.' }) missedPoor!: number;
  @Field(() => Int, { nullable: true, description: 'Registered people sampled (for 错评率); null when not checked.' }) sampledRegistered!: number | null;
  @Field(() => Int, { nullable: true, description: 'Of them, wrongly included 错评; null when not checked.' }) wronglyIncluded!: number | null;
  @Field(() => String, { description: 'Who recorded it (token subject).' }) recordedBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType({ description: 'One of 三率一度: the rate, its threshold, and whether it passes.' })
export class ExitRateTest {
  @Field(() => String, { description: 'comprehensiveIncidence 综合贫困发生率, wrongExitRate 错退率, missedRate 漏评率 or approval 群众认可度.' }) test!: string;
  @Field(() => Float, { nullable: true, description: 'The rate, a fraction (at most 1); null when the data give no rate (the register counts more poor people than the surveys count people).' }) rate!: number | null;
  @Field(() => Float, { description: 'The threshold, a fraction.' }) threshold!: number;
  @Field(() => String, { description: '"below" or "above": which side of the threshold passes (strictly).' }) mustBe!: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether this test passes; null when it cannot be judged on the data recorded.' }) passes!: boolean | null;
}

@ObjectType({ description: 'A county’s exit check 贫困县摘帽 for a year, 三率一度: each must pass. The comprehensive incidence counts only villages surveyed that year and is judged only when every village is.' })
export class CountyExitCheck {
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => EconomicRegion, { description: 'The province’s region.' }) region!: EconomicRegion;
  @Field(() => Int, { description: 'Remaining registered poor people (status 0 or 3), as the register stands now.' }) remainingPoor!: number;
  @Field(() => Int, { description: 'Of them, the people in villages with a survey of the year: the numerator of the comprehensive incidence.' }) poorInSurveyedVillages!: number;
  @Field(() => Int, { description: 'Rural population: the sum of the year’s village surveys in the county.' }) ruralPopulation!: number;
  @Field(() => Int, { description: 'Villages of the county with a survey of the year (the rural population counts only these).' }) villagesSurveyed!: number;
  @Field(() => Int, { description: 'Villages of the county.' }) villages!: number;
  @Field(() => SpotCheck, { description: 'The spot check used.' }) spotCheck!: SpotCheck;
  @Field(() => [ExitRateTest], { description: 'The four tests.' }) tests!: ExitRateTest[];
  @Field(() => CountyExitVerdict, { description: 'PASSES, FAILS, or INCOMPLETE when no judged test fails but the data cannot judge one.' }) verdict!: CountyExitVerdict;
  @Field(() => Boolean, { nullable: true, description: 'Whether the county passes all four; null when INCOMPLETE (no verdict on partial data).' }) passes!: boolean | null;
  @Field(() => [ExitFailure], { description: 'What fails; empty when it passes.' }) failures!: ExitFailure[];
  @Field(() => [String], { description: 'What keeps a test from being judged (villages without a survey and the poor people in them, surveys smaller than the register); empty when complete.' }) incomplete!: string[];
}
