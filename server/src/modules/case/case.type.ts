/** GraphQL types of cases: the case, its steps, postings 公示, objections 异议, documents and next steps. */
import { GraphQLJSON, GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CaseKind, CaseOutcome, CaseState, ObjectionResolution, StepLevel, UpheldConsequence } from '../../codes/index.js';
import { Connection } from '../../graphql/connection.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'One run of a procedure on a household or village: identification, exit, relapse, removal or poor-village identification.' })
export class Case extends Node {
  @Field(() => CaseKind.values, { description: 'The procedure.' }) kind!: string;
  @Field(() => CaseState.values, { description: 'Where the case stands.' }) state!: string;
  @Field(() => CaseOutcome.values, { nullable: true, description: 'How it ended; null while open.' }) outcome!: string | null;
  @Field(() => Int, { description: 'The year the case belongs to (quota year, exit year).' }) year!: number;
  @Field(() => String, { description: 'The village (12-digit code) of the household or the village itself.' }) villageCode!: string;
  @Field(() => GraphQLJSON, { description: 'What the case carries besides its steps (e.g. a relapse cause, a removal reason).' }) data!: unknown;
  @Field(() => String, { description: 'Who opened it (token subject).' }) openedBy!: string;
  @Field(() => GraphQLLocalDate, { description: 'The day it was opened.' }) openedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day it ended.' }) closedOn!: string | null;
  @Field(() => Int, { description: 'Increases with every step.' }) version!: number;
}

@ObjectType({ description: 'A step taken in a case.' })
export class CaseStep {
  @Field(() => ID, { description: 'Opaque ID of the step.' }) id!: string;
  @Field(() => String, { description: 'The step: open, appraise, post, review, verify, consent, approve, announce, objectionUpheld, withdraw.' }) action!: string;
  @Field(() => CaseState.values, { nullable: true, description: 'State before; null for the step that opened the case.' }) fromState!: string | null;
  @Field(() => CaseState.values, { description: 'State after.' }) toState!: string;
  @Field(() => GraphQLLocalDate, { description: 'The day the step took effect.' }) effectiveDate!: string;
  @Field(() => GraphQLJSON, { description: "The step's record: votes, decision, reason, the exit check, the village indicators…" }) data!: unknown;
  @Field(() => String, { description: 'Who took it (token subject).' }) actor!: string;
  @Field(() => String, { description: 'Their role.' }) role!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) takenAt!: Date;
}

@ObjectType({ description: 'A document filed with a case: a title and where the document is kept.' })
export class CaseDocument {
  @Field(() => ID, { description: 'Opaque ID of the document.' }) id!: string;
  @Field(() => ID, { nullable: true, description: 'The step it was filed with.' }) stepId!: string | null;
  @Field(() => String, { description: 'Title, e.g. 村民代表大会评议记录.' }) title!: string;
  @Field(() => String, { description: 'Where it is kept: a URL or an archive number.' }) reference!: string;
  @Field(() => String, { description: 'Who filed it.' }) addedBy!: string;
  @Field(() => Date, { description: 'When.' }) addedAt!: Date;
}

@ObjectType({ description: 'An objection 异议 raised during a posting.' })
export class Objection {
  @Field(() => ID, { description: 'Opaque ID; give it to resolveObjection.' }) id!: string;
  @Field(() => GraphQLLocalDate, { description: 'The day it was raised.' }) raisedOn!: string;
  @Field(() => String, { description: 'What it says.' }) summary!: string;
  @Field(() => String, { description: 'Who received and recorded it.' }) receivedBy!: string;
  @Field(() => ObjectionResolution.values, { nullable: true, description: 'Null while unresolved: the case cannot move on.' }) resolution!: string | null;
  @Field(() => UpheldConsequence.values, { nullable: true, description: 'For an upheld objection: what it did to the case.' }) consequence!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was upheld or dismissed.' }) resolutionReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Who resolved it.' }) resolvedBy!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'When.' }) resolvedOn!: string | null;
}

@ObjectType({ description: 'A posting 公示 in the village: open from startsOn until the day before closesOn.' })
export class Posting {
  @Field(() => ID, { description: 'Opaque ID of the posting.' }) id!: string;
  @Field(() => ID, { description: 'The case posted.' }) caseId!: string;
  @Field(() => String, { description: 'FIRST or SECOND (identification), EXIT, VILLAGE.' }) round!: string;
  @Field(() => String, { description: 'Village code.' }) villageCode!: string;
  @Field(() => String, { nullable: true, description: 'Where it is posted.' }) place!: string | null;
  @Field(() => GraphQLLocalDate, { description: 'First day.' }) startsOn!: string;
  @Field(() => GraphQLLocalDate, { description: 'The first day after the window: the next step can be dated this day at the earliest.' }) closesOn!: string;
}

@ObjectType({ description: 'A step the procedure allows next, and whether you may take it now.' })
export class NextStep {
  @Field(() => String, { description: 'The step (the mutation is named after it).' }) action!: string;
  @Field(() => StepLevel.values, { description: 'Who may take it.' }) level!: string;
  @Field(() => CaseState.values, { description: 'The state it leads to.' }) to!: string;
  @Field(() => String, { nullable: true, description: 'Why you may not take it now; null if you may.' }) blockedBecause!: string | null;
}

export const CaseConnection = Connection(Case, 'Case', 'case');
export const PostingConnection = Connection(Posting, 'Posting', 'posting');

@ObjectType({ description: 'The result of a step: the case after it.' })
export class CasePayload {
  @Field(() => Case, { description: 'The case after the step.' }) case!: Case;
}
