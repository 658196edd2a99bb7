/** The county assessment 精准考核: schemes, compute, publish, read. Thin. */
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ComputeAssessmentInput, CreateAssessmentSchemeInput, PublishAssessmentInput } from './assessment.input.js';
import { assessmentService } from './assessment.service.js';
import { Assessment, AssessmentScheme } from './assessment.type.js';

@Resolver()
export class AssessmentResolver {
  @Query(() => [AssessmentScheme], { description: 'Assessment schemes 考核办法, every version, newest first within a name.' })
  assessmentSchemes(@Ctx() ctx: Context, @Arg('areaCode', () => String, { nullable: true, description: "Only a province's schemes ('' for national ones)." }) areaCode?: string) {
    return assessmentService.schemes(ctx, areaCode);
  }

  @Query(() => Assessment, { nullable: true, description: 'One assessment; null when unknown, outside your area, or a draft you may not see.' })
  assessment(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Global ID.' }) id: string) {
    return assessmentService.byId(ctx, id);
  }

  @Query(() => [Assessment], { description: 'Assessments of an area and those below it that overlap your area: published ones, and drafts you may compute. Newest year first.' })
  assessments(
    @Ctx() ctx: Context,
    @Arg('areaCode', () => String, { description: "'' for all, else a province or prefecture code." }) areaCode: string,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year?: number,
  ) {
    return assessmentService.list(ctx, areaCode, year);
  }

  @Mutation(() => AssessmentScheme, { description: 'Creates a version of an assessment scheme (admins; officials of a province for it). Refused with the field and the reason when weights do not add up to 100 %, an indicator has no source, or grades are out of order. Audited.' })
  createAssessmentScheme(@Ctx() ctx: Context, @Arg('input', () => CreateAssessmentSchemeInput, { description: 'The scheme.' }) input: CreateAssessmentSchemeInput) {
    return assessmentService.createScheme(ctx, input);
  }

  @Mutation(() => Assessment, { description: 'Computes every county of a province or prefecture for a year as a draft, replacing an earlier draft (officials above the counties, admins). Audited and on the change feed.' })
  computeAssessment(@Ctx() ctx: Context, @Arg('input', () => ComputeAssessmentInput, { description: 'Scheme, area and year.' }) input: ComputeAssessmentInput) {
    return assessmentService.compute(ctx, input);
  }

  @Mutation(() => Assessment, { description: 'Freezes and publishes a draft assessment: it never changes afterwards. Audited and on the change feed.' })
  publishAssessment(@Ctx() ctx: Context, @Arg('input', () => PublishAssessmentInput, { description: 'The draft.' }) input: PublishAssessmentInput) {
    return assessmentService.publish(ctx, input);
  }
}
