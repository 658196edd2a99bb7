/** Inputs of the procedure steps: every step takes a date, documents and the case version read. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, Int } from 'type-graphql';
import { Cause, Decision, ObjectionResolution, UpheldConsequence } from '../../codes/index.js';
import { ApplicationHouseholdInput } from '../household/household.input.js';

@InputType({ description: 'A document filed with a step: its title and where it is kept.' })
export class DocumentInput {
  @Field(() => String, { description: 'Title, e.g. 村民代表大会评议记录 (minutes of the appraisal meeting).' }) title!: string;
  @Field(() => String, { description: 'Where it is kept: a URL or an archive number (at most 500 characters).' }) reference!: string;
}

@InputType({ description: 'What every step may carry.' })
export class StepInput {
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day the step took effect (default today); not in the future, not before the previous step.' }) date?: string | null;
  @Field(() => Int, { nullable: true, description: "The case's version you read: the step is refused (CONFLICT) if the case moved on." }) expectedVersion?: number | null;
  @Field(() => [DocumentInput], { nullable: true, description: 'Documents filed with the step.' }) documents?: DocumentInput[] | null;
}

@InputType({ description: 'A step that decides: APPROVE moves the case on, REJECT ends it (with a reason).' })
export class DecisionInput extends StepInput {
  @Field(() => Decision.values, { description: 'The decision.' }) decision!: string;
  @Field(() => String, { nullable: true, description: 'Why; required to reject.' }) reason?: string | null;
}

@InputType({ description: "The villager representatives' meeting 民主评议: its votes and decision (the decision must follow the majority)." })
export class AppraisalInput extends DecisionInput {
  @Field(() => Int, { description: 'Votes for.' }) votesFor!: number;
  @Field(() => Int, { description: 'Votes against.' }) votesAgainst!: number;
  @Field(() => String, { nullable: true, description: 'Notes of the meeting.' }) notes?: string | null;
}

@InputType({ description: 'Putting the case up in the village 公示: it stays up POSTING_DAYS days (default 7) from the date.' })
export class PostingInput extends StepInput {
  @Field(() => String, { nullable: true, description: 'Where it is posted, e.g. 村务公开栏.' }) place?: string | null;
}

@InputType({ description: 'The exit check by the village committee and work team: computed; a failing check passes only with an override reason.' })
export class VerifyExitInput extends StepInput {
  @Field(() => String, { nullable: true, description: 'Why the household exits although the computed check fails (recorded).' }) overrideReason?: string | null;
}

@InputType({ description: 'The household agrees to its exit 户认可.' })
export class ExitConsentInput extends StepInput {
  @Field(() => String, { description: 'Name of the household member who agreed.' }) consentedBy!: string;
}

@InputType({ description: 'Opening a case: the year it belongs to, the day and its documents.' })
export class OpenCaseInput {
  @Field(() => Int, { description: 'The year: the quota year of an identification, the exit year of an exit.' }) year!: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The day it was filed (default today).' }) date?: string | null;
  @Field(() => [DocumentInput], { nullable: true, description: 'Documents filed with it (the application form, evidence).' }) documents?: DocumentInput[] | null;
}

@InputType({ description: 'An application 申请 for a household: its whole national form and the case details.' })
export class FileApplicationInput extends OpenCaseInput {
  @Field(() => ApplicationHouseholdInput, { description: 'The household form, without status, identification date or exit year: the procedure sets them.' }) household!: ApplicationHouseholdInput;
}

@InputType({ description: 'A relapse 返贫 report: the cause and what happened.' })
export class ReportRelapseInput extends OpenCaseInput {
  @Field(() => Cause.values, { description: 'The cause of the relapse.' }) cause!: string;
  @Field(() => String, { description: 'What happened.' }) description!: string;
}

@InputType({ description: 'A proposed removal 错评清退: why the household does not meet the standard.' })
export class ProposeRemovalInput extends OpenCaseInput {
  @Field(() => String, { description: 'The reason.' }) reason!: string;
}

@InputType({ description: 'An objection 异议 received during a posting.' })
export class RaiseObjectionInput {
  @Field(() => GraphQLLocalDate, { description: 'The day it was raised; inside the posting window.' }) raisedOn!: string;
  @Field(() => String, { description: 'What it says (do not record the objector’s identity here).' }) summary!: string;
}

@InputType({ description: 'Resolving an objection: dismissed with a reason, or upheld — the case returns to its first step or is rejected.' })
export class ResolveObjectionInput extends StepInput {
  @Field(() => ObjectionResolution.values, { description: 'Upheld or dismissed.' }) resolution!: string;
  @Field(() => UpheldConsequence.values, { nullable: true, description: 'For an upheld objection: RETURN or REJECT.' }) consequence?: string | null;
  @Field(() => String, { description: 'Why.' }) reason!: string;
}
