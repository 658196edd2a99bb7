/** GraphQL types of statistics 决策支持 (issue 10): cells of counts under an area, each with its grouping key. */
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Cause, Ethnicity, HouseholdAttribute, MeasureKind, MeasureStatus, MonitoringKind, PovertyStatus, RegisterStage, Sector, Sex, VillagePovertyStatus } from '../../codes/index.js';
import { AGE_BANDS } from './formulas.js';
import { StatisticsDimension } from './statistics.dimensions.js';

export const AgeBand = Object.fromEntries(AGE_BANDS.map((b) => [b.name, b.name])) as Record<(typeof AGE_BANDS)[number]['name'], string>;
registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: 'Age band of a member at the end of the year asked.',
  valuesConfig: Object.fromEntries(AGE_BANDS.map((b) => [b.name, { description: b.to === Infinity ? `${b.from} and over` : `${b.from} to ${b.to}` }])) as never,
});

export const IncidenceSource = { VILLAGE_SURVEY: 'VILLAGE_SURVEY', AREA_FIGURE: 'AREA_FIGURE', REGISTER: 'REGISTER', MIXED: 'MIXED', NONE: 'NONE' } as const;
registerEnumType(IncidenceSource, {
  name: 'IncidenceSource',
  description: 'Where the rural population behind a poverty incidence came from.',
  valuesConfig: {
    VILLAGE_SURVEY: { description: 'The population of each village’s latest survey 贫困村信息采集 up to the year.' },
    AREA_FIGURE: { description: 'A rural population set for the area (setRuralPopulation: statistical yearbook figures).' },
    REGISTER: { description: 'The register’s own people (registered households only): a share of registered people still poor, not the rural incidence.' },
    MIXED: { description: 'Children of the area use different sources; the figures are their sums.' },
    NONE: { description: 'No population is known: the incidence is null.' },
  },
});

@ObjectType({ description: 'What a cell counts: the values of its groupings; a grouping not asked for is null.' })
export class StatisticsKey {
  @Field(() => String, { nullable: true, description: 'Child area code (CHILD_AREA).' }) areaCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Child area name (CHILD_AREA).' }) areaName!: string | null;
  @Field(() => PovertyStatus.values, { nullable: true, description: 'Poverty status 脱贫状态 (STATUS).' }) status!: string | null;
  @Field(() => RegisterStage.values, { nullable: true, description: 'Register stage (STAGE).' }) stage!: string | null;
  @Field(() => HouseholdAttribute.values, { nullable: true, description: 'Household attribute 贫困户属性 (ATTRIBUTE).' }) attribute!: string | null;
  @Field(() => Cause.values, { nullable: true, description: 'Main cause 主要致贫原因 (MAIN_CAUSE).' }) mainCause!: string | null;
  @Field(() => Cause.values, { nullable: true, description: 'One other cause 其他致贫原因 (OTHER_CAUSE).' }) otherCause!: string | null;
  @Field(() => VillagePovertyStatus.values, { nullable: true, description: 'Poor-village status of the village 贫困村 (POOR_VILLAGE).' }) poorVillage!: string | null;
  @Field(() => Ethnicity.values, { nullable: true, description: 'Ethnicity 民族 of the members counted (ETHNICITY).' }) ethnicity!: string | null;
  @Field(() => Sex.values, { nullable: true, description: 'Sex 性别 of the members counted (SEX).' }) sex!: string | null;
  @Field(() => AgeBand, { nullable: true, description: 'Age band of the members counted (AGE_BAND).' }) ageBand!: string | null;
  @Field(() => MonitoringKind.values, { nullable: true, description: 'Monitoring kind 监测对象类型 (monitoring cells).' }) monitoringKind!: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Whether the risk was removed 风险已消除 (monitoring cells).' }) riskRemoved!: boolean | null;
}

@ObjectType({ description: 'Households and people. Both are null, with `suppressed` true, where the cell is small and your role sees no personal data.' })
export class StatCount {
  @Field(() => Int, { nullable: true, description: 'Households; null when suppressed, and for member groupings (which count people).' }) households!: number | null;
  @Field(() => Int, { nullable: true, description: 'People 人口 (members of the households, or the members counted); null when suppressed.' }) people!: number | null;
  @Field(() => Boolean, { description: 'True when the cell is withheld: fewer than the threshold, or withheld so that another cannot be recovered from its siblings and the total.' }) suppressed!: boolean;
}

@ObjectType({ description: 'The register in one cell: registered households and how they stand.' })
export class RegisterCell {
  @Field(() => StatisticsKey, { description: 'The groupings of the cell.' }) key!: StatisticsKey;
  @Field(() => StatCount, { description: 'Registered 建档立卡 (stage REGISTERED, any status).' }) registered!: StatCount;
  @Field(() => StatCount, { description: 'Registered and not yet out 未脱贫 (status 0).' }) notOut!: StatCount;
  @Field(() => StatCount, { description: 'Registered and out 已脱贫 (status 1 or 4).' }) exited!: StatCount;
  @Field(() => StatCount, { description: 'Registered and fallen back 返贫 (status 3).' }) relapsed!: StatCount;
  @Field(() => StatCount, { description: 'Removed as wrongly registered 错评清退 (stage REMOVED).' }) removed!: StatCount;
  @Field(() => StatCount, { description: 'In an identification case, not yet registered (stage CANDIDATE).' }) candidates!: StatCount;
}

@ObjectType({ description: 'Register figures: the total of the area and its cells; the total equals the sum of the cells for every grouping but OTHER_CAUSE (a household counts under each of its other causes).' })
export class RegisterStatistics {
  @Field(() => RegisterCell, { description: 'The whole area.' }) total!: RegisterCell;
  @Field(() => [RegisterCell], { description: 'One cell per combination of the groupings that has anyone, in key order.' }) cells!: RegisterCell[];
}

@ObjectType({ description: 'Flows of a year: households entering and leaving.' })
export class FlowCell {
  @Field(() => StatisticsKey, { description: 'The groupings of the cell (CHILD_AREA only).' }) key!: StatisticsKey;
  @Field(() => StatCount, { description: 'Entered the register 新识别 (stage became REGISTERED).' }) entered!: StatCount;
  @Field(() => StatCount, { description: 'Exited 脱贫 (status 0 or 3 → 1 or 4).' }) exited!: StatCount;
  @Field(() => StatCount, { description: 'Fell back 返贫 (status 1 or 4 → 3).' }) relapsed!: StatCount;
  @Field(() => StatCount, { description: 'Removed 清退 (stage became REMOVED).' }) removed!: StatCount;
}

@ObjectType({ description: 'Flows of the year: the area and, with CHILD_AREA, its children. People are the households’ sizes when each event was recorded.' })
export class FlowStatistics {
  @Field(() => FlowCell, { description: 'The whole area.' }) total!: FlowCell;
  @Field(() => [FlowCell], { description: 'By child area (with CHILD_AREA).' }) cells!: FlowCell[];
}

@ObjectType({ description: 'One year of the series: the register as it stood at the year’s end, and the year’s flows, from the status history.' })
export class SeriesPoint {
  @Field(() => Int, { description: 'The year.' }) year!: number;
  @Field(() => RegisterCell, { description: 'Stocks at 31 December (candidates and removed included).' }) stock!: RegisterCell;
  @Field(() => FlowCell, { description: 'Flows during the year.' }) flows!: FlowCell;
}

@ObjectType({ description: 'Poverty incidence 贫困发生率 = poor people ÷ rural population, with where the population came from.' })
export class IncidenceCell {
  @Field(() => StatisticsKey, { description: 'The groupings of the cell (CHILD_AREA only).' }) key!: StatisticsKey;
  @Field(() => Int, { nullable: true, description: 'Poor people: registered, not out or fallen back (status 0 or 3); null when suppressed.' }) poorPeople!: number | null;
  @Field(() => Int, { nullable: true, description: 'Rural population 农村人口, the denominator.' }) population!: number | null;
  @Field(() => Float, { nullable: true, description: 'Incidence as a fraction (0.05 = 5 %); null without a population or when suppressed.' }) incidence!: number | null;
  @Field(() => IncidenceSource, { description: 'Where the population came from.' }) source!: string;
  @Field(() => String, { nullable: true, description: 'Why the incidence is null, or what the source means for reading it.' }) note!: string | null;
  @Field(() => Boolean, { description: 'True when the poor people are a small cell withheld from your role.' }) suppressed!: boolean;
}

@ObjectType({ description: 'Poverty incidence of the area and, with CHILD_AREA, of its children; the total’s poor people and population are the sums of the children’s.' })
export class IncidenceStatistics {
  @Field(() => IncidenceCell, { description: 'The whole area.' }) total!: IncidenceCell;
  @Field(() => [IncidenceCell], { description: 'By child area (with CHILD_AREA).' }) cells!: IncidenceCell[];
}

@ObjectType({ description: 'Households whose per-capita net income falls in a band [from, to).' })
export class IncomeBand {
  @Field(() => Int, { nullable: true, description: 'Lower bound, yuan, inclusive; null for the lowest band.' }) from!: number | null;
  @Field(() => Int, { nullable: true, description: 'Upper bound, yuan, exclusive; null for the highest band.' }) to!: number | null;
  @Field(() => StatCount, { description: 'Households and people in the band.' }) count!: StatCount;
}

@ObjectType({ description: 'Per-capita net income 人均纯收入 of registered households for the year and the year before.' })
export class IncomeCell {
  @Field(() => StatisticsKey, { description: 'The groupings of the cell (CHILD_AREA only).' }) key!: StatisticsKey;
  @Field(() => StatCount, { description: 'Registered households with a yearly record for the year.' }) recorded!: StatCount;
  @Field(() => Float, { nullable: true, description: 'Median household’s per-capita net income, yuan (interpolated inside its 100-yuan bucket); null when suppressed.' }) median!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean per-capita net income over households, yuan; null when suppressed.' }) mean!: number | null;
  @Field(() => Float, { nullable: true, description: 'The year before’s median, yuan.' }) previousMedian!: number | null;
  @Field(() => Float, { nullable: true, description: 'Median change from the year before, yuan.' }) medianChange!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean change from the year before, yuan.' }) meanChange!: number | null;
  @Field(() => [IncomeBand], { description: 'Households by income band.' }) bands!: IncomeBand[];
}

@ObjectType({ description: 'Income of registered households: the area and, with CHILD_AREA, its children.' })
export class IncomeStatistics {
  @Field(() => IncomeCell, { description: 'The whole area.' }) total!: IncomeCell;
  @Field(() => [IncomeCell], { description: 'By child area (with CHILD_AREA).' }) cells!: IncomeCell[];
}

@ObjectType({ description: 'Monitored households 防返贫监测 of one kind, open or with the risk removed.' })
export class MonitoringStatCell {
  @Field(() => StatisticsKey, { description: 'Kind, risk removed or not, and the child area with CHILD_AREA.' }) key!: StatisticsKey;
  @Field(() => StatCount, { description: 'Monitored households and their people.' }) count!: StatCount;
}

@ObjectType({ description: 'Monitoring counts: the area’s total (all kinds, open) and cells by kind and whether the risk was removed.' })
export class MonitoringStatistics {
  @Field(() => StatCount, { description: 'Households monitored now (risk not removed), all kinds.' }) open!: StatCount;
  @Field(() => [MonitoringStatCell], { description: 'By kind and risk removed (and child area with CHILD_AREA).' }) cells!: MonitoringStatCell[];
}

@ObjectType({ description: 'Statistics of an area for a year: each part is computed only when selected, from aggregates kept current in every write’s transaction.' })
export class Statistics {
  @Field(() => String, { description: 'The area’s statistical code.' }) areaCode!: string;
  @Field(() => String, { description: 'The area’s name.' }) areaName!: string;
  @Field(() => Int, { description: 'The year: the current year is as of now; a past one is as of its 31 December.' }) year!: number;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'The date asked for, when the figures are as of a date rather than a year.' }) asOf!: string | null;
  @Field(() => [StatisticsDimension], { description: 'The groupings asked for.' }) groupBy!: string[];
  @Field(() => Int, { nullable: true, description: 'Cells under this many households (people for member groupings) are suppressed for your role; null when nothing is suppressed for you.' }) suppressionThreshold!: number | null;
  @Field(() => Int, { description: 'How many seconds the figures may lag the register: 0, since the aggregates change in the same transaction as each write.' }) lagSeconds!: number;
}

@ObjectType({ description: 'Measures of one kind and status in the plan year.' })
export class MeasureStat {
  @Field(() => MeasureKind.values, { description: 'Kind of measure 帮扶措施类别.' }) kind!: string;
  @Field(() => MeasureStatus.values, { description: 'Where the measures stand.' }) status!: string;
  @Field(() => Int, { nullable: true, description: 'How many measures; null when suppressed.' }) measures!: number | null;
  @Field(() => Float, { nullable: true, description: 'Planned yuan; null when suppressed.' }) plannedAmount!: number | null;
  @Field(() => Float, { nullable: true, description: 'Actual yuan of completed ones; null when suppressed.' }) actualAmount!: number | null;
  @Field(() => Boolean, { description: 'True when withheld as a small cell for your role.' }) suppressed!: boolean;
}

@ObjectType({ description: 'Current beneficiary links of one sector’s projects 行业扶贫.' })
export class SectorCoverage {
  @Field(() => Sector.values, { description: 'The sector.' }) sector!: string;
  @Field(() => Int, { description: 'Links naming a household.' }) householdLinks!: number;
  @Field(() => Int, { description: 'Links naming a whole village.' }) villageLinks!: number;
}

@ObjectType({ description: 'Assistance 精准帮扶 in one cell.' })
export class AssistanceCell {
  @Field(() => StatisticsKey, { description: 'The groupings of the cell (CHILD_AREA only).' }) key!: StatisticsKey;
  @Field(() => StatCount, { description: 'Households with a current responsible person 帮扶责任人 (people not counted: null).' }) withResponsiblePerson!: StatCount;
  @Field(() => StatCount, { description: 'Households visited within the days asked (people not counted: null).' }) visited!: StatCount;
  @Field(() => [MeasureStat], { description: 'Measures of the plan year by kind and status.' }) measures!: MeasureStat[];
  @Field(() => Int, { description: '雨露计划 Rain-Dew Plan measures of the year not cancelled (students and trainees supported).' }) rainDewStudents!: number;
  @Field(() => Int, { description: '扶贫小额信贷 micro-credit loans of the year.' }) loans!: number;
  @Field(() => Float, { description: 'Principal still owed on them, yuan.' }) loansOutstanding!: number;
  @Field(() => Float, { nullable: true, description: 'Share of those loans overdue (0.02 = 2 %); null without loans.' }) loansOverdueRate!: number | null;
  @Field(() => Int, { description: '易地扶贫搬迁 people relocated by the year’s relocation measures not cancelled.' }) peopleRelocated!: number;
  @Field(() => [SectorCoverage], { description: 'Sector projects’ current links, by sector.' }) sectors!: SectorCoverage[];
}

@ObjectType({ description: 'Assistance of the area and, with CHILD_AREA, its children; totals are the sums of the cells.' })
export class AssistanceStatistics {
  @Field(() => Int, { description: 'The days of `visited`.' }) visitedWithinDays!: number;
  @Field(() => AssistanceCell, { description: 'The whole area.' }) total!: AssistanceCell;
  @Field(() => [AssistanceCell], { description: 'By child area (with CHILD_AREA).' }) cells!: AssistanceCell[];
}
