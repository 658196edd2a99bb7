/** Programme and project queries, mutations and fields. Thin: arguments in, one service call out. */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { After, First, withoutNulls } from '../../graphql/args.js';
import { Connection } from '../../graphql/connection.js';
import type { Context } from '../../graphql/context.js';
import { CreateProgrammeInput, CreateProjectInput, ProgrammeFilterInput, ProjectFilterInput, UpdateProjectInput } from './programme.input.js';
import { Programme, Project } from './programme.type.js';
import { programmeService, type ProjectModel } from './programme.service.js';

const ProgrammeConnection = Connection(Programme, 'Programme', 'programme');
export const ProjectConnection = Connection(Project, 'Project', 'project');

@Resolver()
export class ProgrammeResolver {
  @Query(() => Programme, { nullable: true, description: 'One programme; null if it does not exist or is outside your area or sector.' })
  programme(@Arg('id', () => ID, { description: 'Global ID.' }) id: string, @Ctx() ctx: Context) {
    return programmeService.programme(ctx, id);
  }

  @Query(() => ProgrammeConnection, { description: 'Programmes of your area (a ministry: of its sector).' })
  programmes(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProgrammeFilterInput, { nullable: true, description: 'Which programmes.' }) filter?: ProgrammeFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return programmeService.programmes(ctx, withoutNulls({ ...filter, first, after }));
  }

  @Query(() => Project, { nullable: true, description: 'One project; null if it does not exist or is outside your area or sector.' })
  project(@Arg('id', () => ID, { description: 'Global ID.' }) id: string, @Ctx() ctx: Context) {
    return programmeService.project(ctx, id);
  }

  @Query(() => ProjectConnection, { description: 'Projects of your area (a ministry: of its sector).' })
  projects(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectFilterInput, { nullable: true, description: 'Which projects.' }) filter?: ProjectFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return programmeService.projects(ctx, withoutNulls({ ...filter, first, after }));
  }

  @Mutation(() => Programme, { description: 'Registers a programme of your sector in your area.' })
  createProgramme(@Arg('input', () => CreateProgrammeInput, { description: 'The programme.' }) input: CreateProgrammeInput, @Ctx() ctx: Context) {
    return programmeService.createProgramme(ctx, input);
  }

  @Mutation(() => Project, { description: 'Registers a project of one of your programmes.' })
  createProject(@Arg('input', () => CreateProjectInput, { description: 'The project.' }) input: CreateProjectInput, @Ctx() ctx: Context) {
    return programmeService.createProject(ctx, input);
  }

  @Mutation(() => Project, { description: 'Changes a project: status, dates, budget, outputs. Give expectedVersion to be refused (CONFLICT) if it changed since you read it.' })
  updateProject(
    @Arg('id', () => ID, { description: 'Global ID of the project.' }) id: string,
    @Arg('input', () => UpdateProjectInput, { description: 'What changes.' }) input: UpdateProjectInput,
    @Ctx() ctx: Context,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you read.' }) expectedVersion?: number,
  ) {
    return programmeService.updateProject(ctx, id, input, expectedVersion);
  }
}

@Resolver(() => Project)
export class ProjectFieldResolver {
  @FieldResolver(() => Programme, { nullable: true, description: 'The programme it belongs to.' })
  programme(@Root() p: ProjectModel, @Ctx() ctx: Context) {
    return programmeService.programmeOf(ctx, p.programmeId);
  }
}
