/** Inputs of the county assessment 精准考核 (issue 14): one per mutation. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { AssessmentComponent, AssessmentGrade, AssessmentIndicator, IndicatorSource, Normalisation } from '../../codes/assessment.codes.js';

@InputType({ description: 'A component 考核方式 of a scheme and its weight.' })
export class SchemeComponentInput {
  @Field(() => AssessmentComponent.values, { description: 'The component.' }) component!: string;
  @Field(() => Float, { description: 'Its weight in percent; the components add up to 100.' }) weight!: number;
}

@InputType({ description: 'An indicator of a scheme: where it is checked, its weight, source and normalisation.' })
export class SchemeIndicatorInput {
  @Field(() => AssessmentIndicator.values, { description: 'The indicator (its formula and direction are fixed by the catalogue).' }) indicator!: string;
  @Field(() => AssessmentComponent.values, { description: 'The component it belongs to (listed in components).' }) component!: string;
  @Field(() => Float, { description: 'Its weight in percent of its component; the indicators of a component add up to 100.' }) weight!: number;
  @Field(() => IndicatorSource.values, { nullable: true, description: 'Where its figures come from 数据来源; required (left out, the scheme is refused naming the source to give).' }) source?: string | null;
  @Field(() => Normalisation.values, { description: 'How its raw value becomes 0–100.' }) normalisation!: string;
  @Field(() => Float, { nullable: true, description: 'TARGET only: the raw value that scores 0.' }) floor?: number | null;
  @Field(() => Float, { nullable: true, description: 'TARGET only: the raw value that scores 100 (better than floor in the indicator’s direction).' }) target?: number | null;
}

@InputType({ description: 'A grade 等次 and the lowest score that reaches it.' })
export class SchemeGradeInput {
  @Field(() => AssessmentGrade.values, { description: 'The grade.' }) grade!: string;
  @Field(() => Float, { description: 'Lowest score of the grade, 0–100; grades are listed from the best down and the last starts at 0.' }) minScore!: number;
}

@InputType({ description: 'A new version of an assessment scheme 考核办法 (schemes never change: a change is a new version).' })
export class CreateAssessmentSchemeInput {
  @Field(() => String, { description: "The province whose scheme it is (2 digits), or '' for a national scheme (admins)." }) areaCode!: string;
  @Field(() => String, { description: 'Name of the scheme; a name already used gets the next version number.' }) name!: string;
  @Field(() => [SchemeComponentInput], { description: 'Components with their weights, e.g. daily inspection 40, annual check 30, third party 30.' }) components!: SchemeComponentInput[];
  @Field(() => [SchemeIndicatorInput], { description: 'Indicators.' }) indicators!: SchemeIndicatorInput[];
  @Field(() => [SchemeGradeInput], { description: 'Grades from the best down; the lowest is flagged for constraint 约束.' }) grades!: SchemeGradeInput[];
}

@InputType({ description: 'Compute (or recompute) the assessment of every county of a province or prefecture for a year under a scheme, as a draft.' })
export class ComputeAssessmentInput {
  @Field(() => ID, { description: 'The scheme version.' }) schemeId!: string;
  @Field(() => String, { description: 'Province (2 digits) or prefecture (4 digits) whose counties are assessed.' }) areaCode!: string;
  @Field(() => Int, { description: 'The year assessed.' }) year!: number;
}

@InputType({ description: 'Freeze and publish a draft assessment.' })
export class PublishAssessmentInput {
  @Field(() => ID, { description: 'The draft assessment.' }) assessmentId!: string;
}
