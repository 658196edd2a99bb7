/**
 * GraphQL types of the people who help (精准帮扶, issue 4 item 1): units that send
 * cadres 帮扶单位 and the cadres 帮扶干部 themselves. Readable by admins, officials and
 * cadres only (names and phones are personal data).
 */
import { Field, ID, ObjectType } from 'type-graphql';
import { AssistanceUnitKind } from '../../codes/index.js';
import { Connection } from '../../graphql/connection.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'A unit that sends cadres 帮扶单位: a government body, designated assistance unit, east–west partner, army unit, enterprise or social organization.' })
export class AssistanceUnit {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'Name of the unit 单位名称.' }) name!: string;
  @Field(() => AssistanceUnitKind.values, { description: 'Kind of unit 单位类型.' }) kind!: string;
  @Field(() => String, { description: 'The area the unit is registered as helping (a statistical code).' }) areaCode!: string;
  @Field(() => Date, { description: 'When the unit was registered.' }) createdAt!: Date;
  /** Internal key (uuid). */
  key!: string;
}

@ObjectType({ implements: Node, description: 'A cadre 帮扶干部: a person who helps, sent by a unit; a responsible person 帮扶责任人 of households and/or a member of village work teams.' })
export class Cadre {
  @Field(() => ID, { description: 'Opaque global ID.' }) id!: string;
  @Field(() => String, { description: 'Name 姓名.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Phone 联系电话.' }) phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Title or post in the unit 职务.' }) title!: string | null;
  @Field(() => String, { description: 'The area the cadre works in (a statistical code, usually a county or township).' }) areaCode!: string;
  @Field(() => String, { nullable: true, description: "The `sub` of the cadre's token: a cadre token with this subject reaches the households and villages the cadre serves. Shown to admins and officials only." }) subject!: string | null;
  @Field(() => Date, { description: 'When the cadre was registered.' }) createdAt!: Date;
  /** Internal keys (uuid). */
  key!: string;
  unitId!: string;
}

export const AssistanceUnitConnection = Connection(AssistanceUnit, 'AssistanceUnit', 'assistance unit');
export const CadreConnection = Connection(Cadre, 'Cadre', 'cadre');
