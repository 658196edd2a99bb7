/** Inputs for programmes and projects. */
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ProjectStatus, Sector } from '../../codes/index.js';
import { ProjectOutput } from './programme.type.js';

@InputType({ description: 'A new programme. A ministry registers programmes of its own sector only.' })
export class CreateProgrammeInput {
  @Field(() => Sector.values, { nullable: true, description: "The sector; a ministry's own when left out (an admin must give it)." }) sector?: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => Int, { description: 'Budget year.' }) year!: number;
  @Field(() => Float, { description: 'Budget, yuan.' }) budget!: number;
  @Field(() => String, { description: 'The area it covers: a statistical code inside your area.' }) areaCode!: string;
}

@InputType({ description: 'A new project of a programme.' })
export class CreateProjectInput {
  @Field(() => ID, { description: 'The programme (global ID).' }) programmeId!: string;
  @Field(() => String, { description: 'Name.' }) name!: string;
  @Field(() => String, { description: 'Kind of work.' }) kind!: string;
  @Field(() => String, { description: 'The area it is registered in: inside the programme’s area.' }) areaCode!: string;
  @Field(() => [String], { nullable: true, description: 'Areas it serves, each inside areaCode; [areaCode] when left out.' }) servedAreas?: string[];
  @Field(() => Float, { description: 'Budget, yuan.' }) budget!: number;
  @Field(() => ProjectStatus.values, { nullable: true, description: 'Status; planned when left out.' }) status?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Start date.' }) startDate?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'End date.' }) endDate?: string;
  @Field(() => [ProjectOutput], { nullable: true, description: 'Measurable outputs.' }) outputs?: ProjectOutput[];
}

@InputType({ description: 'A change to a project: give only what changes.' })
export class UpdateProjectInput {
  @Field(() => String, { nullable: true, description: 'Name.' }) name?: string;
  @Field(() => Float, { nullable: true, description: 'Budget, yuan.' }) budget?: number;
  @Field(() => ProjectStatus.values, { nullable: true, description: 'Status.' }) status?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Start date.' }) startDate?: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'End date.' }) endDate?: string;
  @Field(() => [ProjectOutput], { nullable: true, description: 'Measurable outputs (the whole new list).' }) outputs?: ProjectOutput[];
}

@InputType({ description: 'Which programmes; always limited to your area (and a ministry to its sector).' })
export class ProgrammeFilterInput {
  @Field(() => Sector.values, { nullable: true, description: 'Only this sector.' }) sector?: string;
  @Field(() => Int, { nullable: true, description: 'Only this budget year.' }) year?: number;
  @Field(() => String, { nullable: true, description: 'Area code prefix.' }) areaCode?: string;
}

@InputType({ description: 'Which projects; always limited to your area (and a ministry to its sector).' })
export class ProjectFilterInput {
  @Field(() => Sector.values, { nullable: true, description: 'Only this sector.' }) sector?: string;
  @Field(() => String, { nullable: true, description: 'Area code prefix.' }) areaCode?: string;
  @Field(() => ProjectStatus.values, { nullable: true, description: 'Only this status.' }) status?: string;
  @Field(() => ID, { nullable: true, description: 'Only projects of this programme.' }) programmeId?: string;
}
