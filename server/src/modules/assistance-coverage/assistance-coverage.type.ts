/** GraphQL types of assistance coverage: who is left without help in an area, as pages and counts. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { Measure } from '../measure/measure.type.js';

export const MeasureConnection = Connection(Measure, 'Measure', 'measure');

@ObjectType({ description: 'How many are left without help in an area (for dashboards); each number is the totalCount of the matching page.' })
export class AssistanceCoverageCounts {
  @Field(() => Int, { description: 'Registered households (status 0 or 3) without a responsible person (no current pairing).' }) unpairedHouseholds!: number;
  @Field(() => Int, { description: 'Registered households whose main cause no measure addresses (none not cancelled, own or village-wide).' }) unassistedHouseholds!: number;
  @Field(() => Int, { description: 'Poor villages (贫困村, not exited) without a current work team 驻村工作队.' }) villagesWithoutWorkTeam!: number;
  @Field(() => Int, { description: 'Measures planned or in progress whose end date has passed.' }) overdueMeasures!: number;
}

@ObjectType({ description: 'The counts of one child area.' })
export class AssistanceCoverageAreaCount extends AssistanceCoverageCounts {
  @Field(() => String, { description: 'Code of the child area (townships of a county, villages of a township…).' }) areaCode!: string;
}

@ObjectType({ description: 'Assistance coverage 帮扶覆盖 of an area: the households, villages and measures left without help — the point of 精准.' })
export class AssistanceCoverage {
  @Field(() => String, { description: 'The area (code prefix) looked at.' }) areaCode!: string;
}
