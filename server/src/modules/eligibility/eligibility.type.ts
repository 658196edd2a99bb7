/** GraphQL types of eligibility rule sets, a household's eligibility decision and a rule set's preview over an area. */
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { codeList } from '../../codes/code-list.js';
import { Node } from '../node/node.type.js';
import { PovertyLine } from '../standard/standard.type.js';

export const RuleSetStatus = codeList('RuleSetStatus', 'Where an eligibility rule set stands.', {
  DRAFT: ['DRAFT', '草稿', 'draft: may be previewed and evaluated, not in force'],
  ACTIVE: ['ACTIVE', '生效', 'in force: the one used when no rule set is named (at most one)'],
  RETIRED: ['RETIRED', '停用', 'no longer in force (an admin may activate it again)'],
});

export enum RuleKind { INCOME_TEST = 'INCOME_TEST', GUARANTEE = 'GUARANTEE', PROXY_MEANS_INDICATOR = 'PROXY_MEANS_INDICATOR', PROXY_MEANS_GROUP = 'PROXY_MEANS_GROUP' }
registerEnumType(RuleKind, {
  name: 'RuleKind',
  description: 'The kind of a rule of an eligibility rule set.',
  valuesConfig: {
    INCOME_TEST: { description: 'Per-capita net income against a multiple of the poverty line of the household’s standard.' },
    GUARANTEE: { description: 'A 两不愁三保障 indicator (safe housing, safe water, compulsory education, basic medical care…).' },
    PROXY_MEANS_INDICATOR: { description: 'One weighted indicator of the proxy-means score.' },
    PROXY_MEANS_GROUP: { description: 'The proxy-means score cut into named groups, some of them eligible.' },
  },
});

export enum EligibilityChange { ENTERS = 'ENTERS', LEAVES = 'LEAVES', STAYS_IN = 'STAYS_IN', STAYS_OUT = 'STAYS_OUT' }
registerEnumType(EligibilityChange, {
  name: 'EligibilityChange',
  description: "What the rule set's decision means against today's register (households REGISTERED with status NOT_OUT or RELAPSED).",
  valuesConfig: {
    ENTERS: { description: 'Eligible, but not on today’s register of the poor: would enter.' },
    LEAVES: { description: 'On today’s register of the poor, but not eligible: would leave.' },
    STAYS_IN: { description: 'Eligible and on today’s register.' },
    STAYS_OUT: { description: 'Not eligible and not on today’s register.' },
  },
});

@ObjectType({ implements: Node, description: 'A versioned eligibility rule set: an income test, 两不愁三保障 guarantees and an optional proxy-means score, as data. Never edited: a change is a new version.' })
export class EligibilityRuleSet extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' }) declare id: string;
  @Field(() => String, { description: 'Name shared by all versions, e.g. national-2014.' }) name!: string;
  @Field(() => Int, { description: 'Version within the name, from 1.' }) version!: number;
  @Field(() => RuleSetStatus.values, { description: 'Draft, active or retired.' }) status!: string;
  @Field(() => String, { nullable: true, description: 'What it is for and where it comes from.' }) description!: string | null;
  @Field(() => GraphQLJSON, { description: 'The definition: incomeTest, guarantees, proxyMeans and combine (see the README, "Eligibility rule sets"), with defaults filled in.' }) definition!: unknown;
  @Field(() => String, { description: 'Who created it (token subject).' }) createdBy!: string;
  @Field(() => Date, { description: 'When it was created.' }) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Who last activated it.' }) activatedBy!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was last activated.' }) activatedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it was last retired.' }) retiredAt!: Date | null;
}

@InputType({ description: 'A new eligibility rule set, or a new version of one (same name).' })
export class CreateRuleSetInput {
  @Field(() => String, { description: 'Name; an existing name gets the next version.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'What it is for and where it comes from.' }) description?: string;
  @Field(() => GraphQLJSON, { description: 'The definition: { incomeTest?: { multipleOfLine }, guarantees?: [{ code, label, fact, failsWhen: { op, value } }], proxyMeans?: { indicators: [{ code, fact, weight, cap? }], areaWeights?: [{ areaPrefix, weights }], groups: [{ name, below? }], eligibleGroups }, combine?: ANY | ALL }.' }) definition!: unknown;
}

@ObjectType({ description: 'One value a rule read.' })
export class RuleInput {
  @Field(() => String, { description: 'Name: a fact (e.g. perCapitaNetIncome) or a parameter (line, weight…).' }) name!: string;
  @Field(() => GraphQLJSON, { nullable: true, description: 'The value: a number, yes/no, a code, a list, or null.' }) value!: unknown;
}

@ObjectType({ description: "One rule's inputs, result and contribution to a decision." })
export class RuleOutcome {
  @Field(() => String, { description: 'Rule code: INCOME, a guarantee’s or indicator’s code, or GROUP.' }) code!: string;
  @Field(() => RuleKind, { description: 'Kind of rule.' }) kind!: RuleKind;
  @Field(() => String, { description: 'What it checks.' }) label!: string;
  @Field(() => [RuleInput], { description: 'The values it read.' }) inputs!: RuleInput[];
  @Field(() => String, { description: 'The condition or formula, readable, e.g. "perCapitaNetIncome ≤ 2855".' }) condition!: string;
  @Field(() => Boolean, { nullable: true, description: 'Whether the rule finds poverty (income not above the threshold, a guarantee failing, an eligible group); null for score indicators.' }) met!: boolean | null;
  @Field(() => Float, { nullable: true, description: 'Points a score indicator adds to the proxy-means score; null for other rules.' }) points!: number | null;
  @Field(() => Boolean, { description: 'Whether its finding points the same way as the decision (score indicators: as their group does).' }) supportsDecision!: boolean;
}

@ObjectType({ description: 'A household judged by an eligibility rule set for a year.' })
export class EligibilityDecision {
  @Field(() => EligibilityRuleSet, { description: 'The rule set applied.' }) ruleSet!: EligibilityRuleSet;
  @Field(() => Int, { description: 'The income year judged.' }) year!: number;
  @Field(() => Float, { description: 'Per-capita net income that year, yuan.' }) perCapitaNetIncome!: number;
  @Field(() => PovertyLine, { nullable: true, description: 'The line of the household’s identification standard for the year; null if the rule set has no income test.' }) line!: PovertyLine | null;
  @Field(() => Float, { nullable: true, description: 'The income test’s threshold: multipleOfLine × line, yuan.' }) threshold!: number | null;
  @Field(() => Boolean, { description: 'Whether the household is eligible.' }) eligible!: boolean;
  @Field(() => EligibilityChange, { description: "The decision against today's register." }) change!: EligibilityChange;
  @Field(() => Float, { nullable: true, description: 'Proxy-means score, if the rule set has one.' }) score!: number | null;
  @Field(() => String, { nullable: true, description: 'Proxy-means group, if the rule set has one.' }) group!: string | null;
  @Field(() => [RuleOutcome], { description: 'Every rule with its inputs, result and contribution.' }) rules!: RuleOutcome[];
  @Field(() => Float, { nullable: true, description: 'The smallest change of per-capita income (yuan, signed, to the cent) that would reverse the decision, all else fixed; null when no income change can.' }) incomeChangeToFlip!: number | null;
}

@ObjectType({ description: "A rule set's preview in one child area of the area previewed." })
export class RuleSetPreviewArea {
  @Field(() => String, { description: 'The child area’s code (township under a county, village under a township).' }) areaCode!: string;
  @Field(() => Int, { description: 'Households in it.' }) households!: number;
  @Field(() => Int, { description: 'Households found eligible.' }) eligible!: number;
  @Field(() => Int, { description: "Households on today's register of the poor." }) registeredPoor!: number;
  @Field(() => Int, { description: 'Would enter.' }) entrants!: number;
  @Field(() => Int, { description: 'Would leave.' }) leavers!: number;
  @Field(() => Int, { description: 'Not evaluated: no yearly record (or no poverty line) for the year.' }) notEvaluated!: number;
}

@ObjectType({ description: "What a rule set would do over an area compared with today's register — computed, never written." })
export class RuleSetPreview {
  @Field(() => EligibilityRuleSet, { description: 'The rule set previewed.' }) ruleSet!: EligibilityRuleSet;
  @Field(() => String, { description: 'The area previewed.' }) areaCode!: string;
  @Field(() => Int, { nullable: true, description: 'The income year judged; null means each household’s latest recorded year.' }) year!: number | null;
  @Field(() => Int, { description: 'Households in the area (within your scope).' }) households!: number;
  @Field(() => Int, { description: 'Households evaluated.' }) evaluated!: number;
  @Field(() => Int, { description: 'Households not evaluated: no yearly record (or no poverty line) for the year; neither entrants nor leavers.' }) notEvaluated!: number;
  @Field(() => Int, { description: 'Households found eligible.' }) eligible!: number;
  @Field(() => Int, { description: "Households on today's register of the poor (REGISTERED, status NOT_OUT or RELAPSED)." }) registeredPoor!: number;
  @Field(() => Int, { description: 'Households that would enter: eligible, not on today’s register.' }) entrantCount!: number;
  @Field(() => Int, { description: 'Households that would leave: on today’s register, not eligible.' }) leaverCount!: number;
  @Field(() => [RuleSetPreviewArea], { description: 'The same counts by child area, in code order.' }) byArea!: RuleSetPreviewArea[];
  /** Household numbers (sorted) of the entrants and leavers, paged by the field resolvers. */
  entrantNumbers!: string[];
  leaverNumbers!: string[];
}
