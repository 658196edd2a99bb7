/** GraphQL types of sector programmes and projects (十项工程). */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { OutputIndicator, ProjectStatus, Sector } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: "A ministry's programme for a year: a budget that funds projects." })
export class Programme extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => Sector.values, { description: 'The sector (ministry) that runs it.' }) sector!: string;
  @Field(() => String, { description: 'Name, e.g. 2016年农村饮水安全巩固提升工程.' }) name!: string;
  @Field(() => Int, { description: 'Budget year.' }) year!: number;
  @Field(() => Float, { description: 'Budget, yuan.' }) budget!: number;
  @Field(() => String, { description: 'The area it covers (statistical code prefix; empty for national).' }) areaCode!: string;
  @Field(() => Date, { description: 'When it was registered.' }) createdAt!: Date;
}

@ObjectType('ProjectOutput', { description: 'One measurable output of a project: planned and achieved.' })
@InputType('ProjectOutputInput', { description: 'One measurable output of a project: planned and achieved.' })
export class ProjectOutput {
  @Field(() => OutputIndicator.values, { description: 'What is measured.' }) indicator!: string;
  @Field(() => Float, { description: 'Planned quantity.' }) planned!: number;
  @Field(() => Float, { description: 'Achieved so far (0 until work starts).' }) actual!: number;
}

@ObjectType({ implements: Node, description: 'A project of a programme: works in named areas that benefit households and villages.' })
export class Project extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => Sector.values, { description: 'Sector of its programme.' }) sector!: string;
  @Field(() => String, { description: 'Name, e.g. 十八洞村集中供水工程.' }) name!: string;
  @Field(() => String, { description: 'Kind of work, e.g. centralised water supply, road hardening.' }) kind!: string;
  @Field(() => String, { description: 'The area it is registered in (county, township or village code).' }) areaCode!: string;
  @Field(() => [String], { description: 'Codes of the areas it serves; its beneficiaries live in them.' }) servedAreas!: string[];
  @Field(() => Float, { description: 'Budget, yuan.' }) budget!: number;
  @Field(() => ProjectStatus.values, { description: 'Where it stands.' }) status!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Start date.' }) startDate!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'End date (planned, or actual once completed).' }) endDate!: string | null;
  @Field(() => [ProjectOutput], { description: 'Measurable outputs: km of road, households connected, houses renovated…' }) outputs!: ProjectOutput[];
  @Field(() => Int, { description: 'Version, raised by every change; pass it as expectedVersion to change safely.' }) version!: number;
  /** Resolved to `programme`. */
  programmeId!: string;
}
