/** GraphQL types of poverty lines 扶贫标准 and a household's standing against its line. */
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum LineKind {
  POVERTY_LINE = 'POVERTY_LINE',
  MONITORING_LINE = 'MONITORING_LINE',
}
registerEnumType(LineKind, {
  name: 'LineKind',
  description: 'What a line is: a poverty line 扶贫标准 (through 2020) or, after it, a province’s monitoring line 防返贫监测线 of the transition period.',
  valuesConfig: {
    POVERTY_LINE: { description: 'A poverty line 扶贫标准: national, provincial or municipal, through the last national year (2020).' },
    MONITORING_LINE: { description: 'A monitoring line 防返贫监测线 a province (or city) sets for a year after 2020; exits and standings of that year are judged against it.' },
  },
});

@ObjectType({ description: 'A poverty line: yuan per person per year for an area and year (national, provincial or municipal).' })
export class PovertyLine {
  @Field(() => String, { description: 'Area: empty for the national line, 2 digits for a province, 4 for a prefecture-level city.' }) areaCode!: string;
  @Field(() => Int, { description: 'Year the line applies to (the income year).' }) year!: number;
  @Field(() => Float, { description: 'Yuan per person per year at current prices.' }) yuan!: number;
  @Field(() => Boolean, { description: 'False for a figure not yet verified against the published policy text.' }) verified!: boolean;
  @Field(() => String, { nullable: true, description: 'Source or remark.' }) note!: string | null;
  @Field(() => Date, { description: 'When it was last set.' }) updatedAt!: Date;
}

@InputType({ description: 'Sets a poverty line. An admin sets the national line; an official sets their province’s or city’s.' })
export class SetPovertyLineInput {
  @Field(() => String, { description: 'Empty for national, a 2-digit province or 4-digit prefecture code.' }) areaCode!: string;
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => Float, { description: 'Yuan per person per year.' }) yuan!: number;
  @Field(() => Boolean, { nullable: true, description: 'Whether the figure is verified (default true).' }) verified?: boolean;
  @Field(() => String, { nullable: true, description: 'Source or remark, e.g. the policy document.' }) note?: string;
}

@ObjectType({ description: "A household judged against its identification standard's line for a year." })
export class HouseholdStanding {
  @Field(() => Int, { description: 'The income year.' }) year!: number;
  @Field(() => PovertyLine, { description: 'The line applied: national, or the province’s or city’s per the identification standard.' }) line!: PovertyLine;
  @Field(() => Float, { description: 'Per-capita net income that year, yuan.' }) perCapitaNetIncome!: number;
  @Field(() => Boolean, { description: 'Whether per-capita net income is above the line.' }) aboveLine!: boolean;
  @Field(() => Float, { description: 'Per-capita net income minus the line, yuan (negative below the line).' }) margin!: number;
}
