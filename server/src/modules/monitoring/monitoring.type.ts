/** GraphQL types of monitoring against falling back into poverty 防返贫监测. */
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { CaseStatus, MonitoringKind, MonitoringSource, MonitoringTrigger, RiskRemoval, RiskType } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ description: 'A trigger that fired on a yearly record, with the figures compared.' })
export class TriggerFinding {
  @Field(() => MonitoringTrigger.values, { description: 'Which trigger.' }) trigger!: string;
  @Field(() => Float, { description: 'The household’s figure: per-capita net income (LOW_INCOME), rigid spending (RIGID_SPENDING), or the share fallen, 0.3 = 30% (INCOME_FALL).' }) value!: number;
  @Field(() => Float, { description: 'What it was compared with: the multiple of the line in yuan, the net income, or the configured share.' }) threshold!: number;
  @Field(() => String, { description: 'The comparison in words.' }) detail!: string;
}

@ObjectType({ description: 'Help given to a monitored household 帮扶措施.' })
export class MonitoringHelp {
  @Field(() => GraphQLLocalDate, { description: 'When it was given.' }) givenOn!: string;
  @Field(() => String, { description: 'What was done, e.g. "medical assistance 医疗救助".' }) measure!: string;
  @Field(() => Float, { nullable: true, description: 'Amount in yuan, where the help was money.' }) amountYuan!: number | null;
  @Field(() => String, { description: 'Who recorded it (token subject).' }) recordedBy!: string;
  @Field(() => Date, { description: 'When it was recorded.' }) recordedAt!: Date;
}

@ObjectType({ implements: Node, description: 'A monitored household’s case 监测对象: why it is at risk, the help given and when and how the risk was removed.' })
export class MonitoringCase {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => MonitoringKind.values, { description: 'Kind of monitored household 监测对象类型.' }) kind!: string;
  @Field(() => CaseStatus.values, { description: 'Still monitored, or risk removed.' }) status!: string;
  @Field(() => MonitoringSource.values, { description: 'Flagged by a yearly record, or reported.' }) source!: string;
  @Field(() => Int, { nullable: true, description: 'The income year whose record fired the triggers; null when reported.' }) year!: number | null;
  @Field(() => [TriggerFinding], { description: 'Triggers found, with their figures (empty when reported without a yearly record).' }) triggers!: TriggerFinding[];
  @Field(() => [RiskType.values], { description: 'Risk types 风险类型.' }) riskTypes!: string[];
  @Field(() => String, { description: 'The risk in words 风险描述.' }) risk!: string;
  @Field(() => GraphQLLocalDate, { description: 'Date identified for monitoring 识别监测时间.' }) identifiedOn!: string;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Date the risk was removed 风险消除时间; null while monitored.' }) removedOn!: string | null;
  @Field(() => RiskRemoval.values, { nullable: true, description: 'How the risk was removed 风险消除方式; null while monitored.' }) removedHow!: string | null;
  @Field(() => String, { nullable: true, description: 'Remark on the removal.' }) removalNote!: string | null;
  @Field(() => String, { description: 'Who opened it (token subject; for a yearly update, whoever recorded the year).' }) openedBy!: string;
  @Field(() => String, { nullable: true, description: 'Who recorded the removal.' }) removedBy!: string | null;
  @Field(() => Date, { description: 'When it was opened.' }) createdAt!: Date;
  /** Internal keys. */
  key!: number;
  householdId!: string;
}

@ObjectType({ description: 'What the yearly record’s triggers found, and the monitoring it opened or found.' })
export class MonitoringCheck {
  @Field(() => [TriggerFinding], { description: 'Triggers that fired on this record (empty when none).' }) triggers!: TriggerFinding[];
  @Field(() => Boolean, { description: 'Whether this record opened a monitoring case.' }) opened!: boolean;
  @Field(() => MonitoringCase, { nullable: true, description: 'The case opened now, or the household’s open case when it was already monitored.' }) case!: MonitoringCase | null;
  @Field(() => String, { nullable: true, description: 'Why triggers that fired opened no case, if so.' }) note!: string | null;
}

@ObjectType({ description: 'Monitoring thresholds in force for an area 监测标准.' })
export class MonitoringSettings {
  @Field(() => String, { nullable: true, description: 'Where they are set: "" national, a 2-digit province; null for the policy figures (none set).' }) areaCode!: string | null;
  @Field(() => Float, { description: 'Per-capita net income under this multiple of the line is a risk (policy: 1.5).' }) incomeMultiple!: number;
  @Field(() => Float, { description: 'A year-on-year fall of per-capita net income of at least this share is a risk (0.3 = 30%).' }) fallShare!: number;
  @Field(() => Float, { description: 'Usual monitored share of the registered population (policy: about 0.05).' }) scaleTarget!: number;
  @Field(() => Float, { description: 'Most monitored share of the registered population (policy: 0.10).' }) scaleMax!: number;
  @Field(() => Date, { nullable: true, description: 'When they were last set; null for the policy figures.' }) updatedAt!: Date | null;
}

@InputType({ description: 'Monitoring thresholds for the nation ("", admins) or a province (its officials).' })
export class SetMonitoringSettingsInput {
  @Field(() => String, { description: '"" national, or a 2-digit province code.' }) areaCode!: string;
  @Field(() => Float, { description: 'Income multiple of the line, more than 1 and at most 3.' }) incomeMultiple!: number;
  @Field(() => Float, { description: 'Year-on-year fall share, more than 0 and less than 1.' }) fallShare!: number;
  @Field(() => Float, { description: 'Usual monitored share of the registered population, more than 0, at most scaleMax.' }) scaleTarget!: number;
  @Field(() => Float, { description: 'Most monitored share of the registered population, at most 1.' }) scaleMax!: number;
}

@InputType({ description: 'Starts monitoring a household a cadre reports at risk (e.g. sudden severe hardship).' })
export class StartMonitoringInput {
  @Field(() => MonitoringKind.values, { description: 'Kind: UNSTABLE_EXITED for a registered household out of poverty; MARGINAL_AT_RISK or SUDDEN_HARDSHIP for a household outside the register.' }) kind!: string;
  @Field(() => [RiskType.values], { description: 'One to five risk types.' }) riskTypes!: string[];
  @Field(() => String, { description: 'The risk in words, 1–500 characters.' }) risk!: string;
  @Field(() => GraphQLLocalDate, { description: 'Date identified, not in the future.' }) identifiedOn!: string;
}

@InputType({ description: 'Help given to a monitored household.' })
export class MonitoringHelpInput {
  @Field(() => GraphQLLocalDate, { description: 'When it was given: from the identification date to today.' }) givenOn!: string;
  @Field(() => String, { description: 'What was done, 1–200 characters.' }) measure!: string;
  @Field(() => Float, { nullable: true, description: 'Amount in yuan, where the help was money.' }) amountYuan?: number | null;
}

@InputType({ description: 'Records that a monitored household’s risk was removed.' })
export class RemoveMonitoringRiskInput {
  @Field(() => GraphQLLocalDate, { description: 'Date removed: from the identification date to today.' }) removedOn!: string;
  @Field(() => RiskRemoval.values, { description: 'How: ASSISTED (needs help recorded) or NATURAL.' }) how!: string;
  @Field(() => String, { nullable: true, description: 'Remark, up to 500 characters.' }) note?: string | null;
}

@InputType({ description: 'Which monitored households to list.' })
export class MonitoringFilterInput {
  @Field(() => [MonitoringKind.values], { nullable: true, description: 'Only these kinds.' }) kind?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: still monitored; false: risk removed; omitted: both.' }) open?: boolean;
}

@ObjectType({ description: 'Monitored households of one kind in an area.' })
export class MonitoringKindCount {
  @Field(() => MonitoringKind.values, { description: 'The kind.' }) kind!: string;
  @Field(() => Int, { description: 'Households still monitored.' }) open!: number;
  @Field(() => Int, { description: 'Households whose risk was removed.' }) removed!: number;
}

@ObjectType({ description: 'The monitored population against the registered population: usually about 5%, at most 10%.' })
export class MonitoringScale {
  @Field(() => Int, { description: 'People in households monitored now.' }) monitoredPeople!: number;
  @Field(() => Int, { description: 'People in registered households.' }) registeredPeople!: number;
  @Field(() => Float, { description: 'monitoredPeople ÷ registeredPeople (0 without registered people).' }) share!: number;
  @Field(() => Float, { description: 'The usual share in force.' }) target!: number;
  @Field(() => Float, { description: 'The most in force.' }) maximum!: number;
  @Field(() => Boolean, { description: 'Whether the share is above the usual one.' }) overTarget!: boolean;
  @Field(() => Boolean, { description: 'Whether the share is above the most: check the identification of monitored households.' }) overMaximum!: boolean;
}

@ObjectType({ description: 'An area’s monitoring list 监测对象名单: counts by kind, scale, and the cases.' })
export class MonitoringList {
  @Field(() => String, { description: 'The area.' }) areaCode!: string;
  @Field(() => [MonitoringKindCount], { description: 'Counts by kind, within your area (not narrowed by the filter).' }) byKind!: MonitoringKindCount[];
  /** The filter, for the cases field. */
  filter!: { kind?: string[]; open?: boolean };
}
