/** GraphQL types of project beneficiaries: links of a project to households and villages. */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { BenefitKind, Sector } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'A household or village a project benefits. Unlinking keeps the record, with who, when and why.' })
export class ProjectLink extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => Sector.values, { description: 'Sector of the project.' }) sector!: string;
  @Field(() => ID, { nullable: true, description: 'Global ID of the household, for a household link.' }) householdId!: string | null;
  @Field(() => String, { description: 'The household’s village, or the village linked.' }) villageCode!: string;
  @Field(() => BenefitKind.values, { description: 'How it benefits.' }) benefitKind!: string;
  @Field(() => Float, { nullable: true, description: 'Amount, yuan, where the benefit has one.' }) amount!: number | null;
  @Field(() => GraphQLLocalDate, { description: 'When the benefit was given.' }) benefitDate!: string;
  @Field(() => Date, { description: 'When the link was recorded.' }) linkedAt!: Date;
  @Field(() => Boolean, { description: 'Whether the link is in force (not unlinked).' }) active!: boolean;
  @Field(() => Date, { nullable: true, description: 'When it was unlinked.' }) unlinkedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was unlinked.' }) unlinkReason!: string | null;
  /** Project key, resolved to `project`. */
  projectId!: string;
}

@InputType({ description: 'One beneficiary of a batch: a household or a village (exactly one of the two).' })
export class LinkItemInput {
  @Field(() => ID, { nullable: true, description: 'Global ID of a registered household.' }) householdId?: string;
  @Field(() => String, { nullable: true, description: '12-digit code of a village.' }) villageCode?: string;
  @Field(() => BenefitKind.values, { description: 'How it benefits.' }) benefitKind!: string;
  @Field(() => Float, { nullable: true, description: 'Amount, yuan.' }) amount?: number;
  @Field(() => GraphQLLocalDate, { description: 'When the benefit was given.' }) date!: string;
}

@ObjectType({ description: 'The result of a batch of links: the same for a retry with the same idempotency key.' })
export class LinkBatchResult {
  @Field(() => Int, { description: 'How many links the batch made.' }) linked!: number;
  @Field(() => Boolean, { description: 'True when this is the stored result of an earlier request with the same key: nothing was written now.' }) replayed!: boolean;
  @Field(() => [ProjectLink], { description: 'The links made, in the order of the items.' }) links!: ProjectLink[];
}
