/** GraphQL types of the county assessment 精准考核 (issue 14): schemes, and runs with each county's score, rank, grade and indicators. */
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AssessmentComponent, AssessmentGrade, AssessmentHeading, AssessmentIndicator, AssessmentStatus, IndicatorDirection, IndicatorSource, Normalisation } from '../../codes/assessment.codes.js';

@ObjectType({ description: 'A component 考核方式 of a scheme and its weight.' })
export class SchemeComponent {
  @Field(() => AssessmentComponent.values, { description: 'The component.' }) component!: string;
  @Field(() => Float, { description: 'Weight, percent of the score.' }) weight!: number;
}

@ObjectType({ description: 'An indicator of a scheme, with everything needed to recompute it by hand.' })
export class SchemeIndicator {
  @Field(() => AssessmentIndicator.values, { description: 'The indicator.' }) indicator!: string;
  @Field(() => AssessmentHeading.values, { description: 'Its heading 考核内容.' }) heading!: string;
  @Field(() => AssessmentComponent.values, { description: 'Its component.' }) component!: string;
  @Field(() => Float, { description: 'Weight, percent of its component.' }) weight!: number;
  @Field(() => Float, { description: 'Weight, percent of the whole score (component weight × weight ÷ 100).' }) scoreWeight!: number;
  @Field(() => IndicatorSource.values, { description: 'Where its figures come from 数据来源.' }) source!: string;
  @Field(() => IndicatorDirection.values, { description: 'Which way is better.' }) direction!: string;
  @Field(() => Normalisation.values, { description: 'How the raw value becomes 0–100.' }) normalisation!: string;
  @Field(() => Float, { nullable: true, description: 'TARGET: the raw value scoring 0.' }) floor!: number | null;
  @Field(() => Float, { nullable: true, description: 'TARGET: the raw value scoring 100.' }) target!: number | null;
  @Field(() => String, { description: 'The formula, in words.' }) formula!: string;
}

@ObjectType({ description: 'A grade 等次 and its lowest score.' })
export class SchemeGrade {
  @Field(() => AssessmentGrade.values, { description: 'The grade.' }) grade!: string;
  @Field(() => Float, { description: 'Lowest score of the grade.' }) minScore!: number;
}

@ObjectType({ description: 'A version of an assessment scheme 考核办法: components, indicators and grades as data. Never changes.' })
export class AssessmentScheme {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: "The province whose scheme it is, or '' (national)." }) areaCode!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => Int, { description: 'Version, from 1.' }) version!: number;
  @Field(() => [SchemeComponent], { description: 'Components and their weights (adding up to 100).' }) components!: SchemeComponent[];
  @Field(() => [SchemeIndicator], { description: 'Indicators.' }) indicators!: SchemeIndicator[];
  @Field(() => [SchemeGrade], { description: 'Grades from the best down.' }) grades!: SchemeGrade[];
  @Field(() => String, { description: 'Who created it.' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: Date;
}

@ObjectType({ description: 'One indicator of one county: raw value, normalised score and where it came from.' })
export class IndicatorScore {
  @Field(() => AssessmentIndicator.values, { description: 'The indicator.' }) indicator!: string;
  @Field(() => AssessmentHeading.values, { description: 'Its heading.' }) heading!: string;
  @Field(() => AssessmentComponent.values, { description: 'Its component.' }) component!: string;
  @Field(() => IndicatorSource.values, { description: 'Its source.' }) source!: string;
  @Field(() => IndicatorDirection.values, { description: 'Which way is better.' }) direction!: string;
  @Field(() => Normalisation.values, { description: 'Its normalisation.' }) normalisation!: string;
  @Field(() => String, { description: 'The formula, in words.' }) formula!: string;
  @Field(() => Float, { nullable: true, description: 'Raw value (a fraction for rates), 6 decimals; null when its data is missing (it then scores 0).' }) raw!: number | null;
  @Field(() => Float, { description: 'Normalised score 0–100, 2 decimals.' }) normalised!: number;
  @Field(() => Float, { description: 'Weight, percent of the whole score.' }) weight!: number;
  @Field(() => Float, { description: 'Points it gave: normalised × weight ÷ 100.' }) contribution!: number;
  @Field(() => String, { description: 'The figures behind the raw value (e.g. "2 ÷ 200"), or why there is none.' }) note!: string;
}

@ObjectType({ description: 'A target for next year of a county in the lowest grade: reach the median county.' })
export class IndicatorTarget {
  @Field(() => AssessmentIndicator.values, { description: 'The indicator.' }) indicator!: string;
  @Field(() => Float, { description: 'This year’s raw value.' }) current!: number;
  @Field(() => Float, { description: 'Next year’s target (the median of the counties assessed).' }) target!: number;
  @Field(() => String, { description: 'Why, in words.' }) reason!: string;
}

@ObjectType({ description: 'One county’s assessment 县级考核结果.' })
export class CountyAssessment {
  @Field(() => String, { description: '6-digit county code.' }) countyCode!: string;
  @Field(() => String, { description: 'County name.' }) countyName!: string;
  @Field(() => Float, { description: 'Score 0–100, 2 decimals.' }) score!: number;
  @Field(() => Int, { description: 'Rank (1 = highest score; equal scores share a rank).' }) rank!: number;
  @Field(() => AssessmentGrade.values, { description: 'Grade 等次.' }) grade!: string;
  @Field(() => Boolean, { description: 'In the scheme’s lowest grade: flagged for constraint 约束.' }) constrained!: boolean;
  @Field(() => String, { description: 'The result in words: score, rank, grade, strongest and weakest indicator, missing data.' }) explanation!: string;
  @Field(() => [IndicatorScore], { description: 'Each indicator, in the scheme’s order.' }) indicators!: IndicatorScore[];
  @Field(() => [IndicatorTarget], { description: 'Next year’s targets (constrained counties only; empty otherwise).' }) nextYearTargets!: IndicatorTarget[];
}

@ObjectType({ description: 'An assessment 考核 of every county of a province or prefecture for a year under one scheme version. A published one is a frozen snapshot.' })
export class Assessment {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => AssessmentStatus.values, { description: 'DRAFT (recomputed on request) or PUBLISHED (never changes).' }) status!: string;
  @Field(() => String, { description: 'Province or prefecture assessed.' }) areaCode!: string;
  @Field(() => String, { nullable: true, description: 'Its name.' }) areaName!: string | null;
  @Field(() => Int, { description: 'Year assessed.' }) year!: number;
  @Field(() => AssessmentScheme, { description: 'The scheme version used.' }) scheme!: AssessmentScheme;
  @Field(() => [CountyAssessment], { description: 'Counties by rank, then code.' }) counties!: CountyAssessment[];
  @Field(() => String, { description: 'Who computed it.' }) computedBy!: string;
  @Field(() => Date, { description: 'When it was computed.' }) computedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was published.' }) publishedAt!: Date | null;
}
