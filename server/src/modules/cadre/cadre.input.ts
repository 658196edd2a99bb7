/** Inputs of units and cadres: registration forms and list filters. */
import { Field, ID, InputType } from 'type-graphql';
import { AssistanceUnitKind } from '../../codes/index.js';

@InputType({ description: 'Registers a unit that sends cadres.' })
export class RegisterUnitInput {
  @Field(() => String, { description: 'Name of the unit 单位名称, 1–200 characters.' }) name!: string;
  @Field(() => AssistanceUnitKind.values, { description: 'Kind of unit 单位类型.' }) kind!: string;
  @Field(() => String, { description: 'The area the unit helps (2, 4, 6, 9 or 12-digit statistical code), inside your area.' }) areaCode!: string;
}

@InputType({ description: 'Registers a cadre 帮扶干部 of a unit.' })
export class RegisterCadreInput {
  @Field(() => String, { description: 'Name 姓名, 1–50 characters.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Phone 联系电话: digits, spaces, +, - and parentheses, 5–20 characters.' }) phone?: string;
  @Field(() => ID, { description: 'Global ID of the sending unit.' }) unitId!: string;
  @Field(() => String, { nullable: true, description: 'Title or post in the unit 职务.' }) title?: string;
  @Field(() => String, { description: "The area the cadre works in (a statistical code inside your area and the unit's)." }) areaCode!: string;
  @Field(() => String, { nullable: true, description: "The `sub` of the cadre's token, if the cadre will use the API; unique." }) subject?: string;
}

@InputType({ description: 'Which units.' })
export class UnitFilterInput {
  @Field(() => String, { nullable: true, description: 'Units whose area lies inside this code prefix.' }) areaCode?: string;
  @Field(() => AssistanceUnitKind.values, { nullable: true, description: 'Only units of this kind.' }) kind?: string;
}

@InputType({ description: 'Which cadres.' })
export class CadreFilterInput {
  @Field(() => String, { nullable: true, description: 'Cadres whose area lies inside this code prefix.' }) areaCode?: string;
  @Field(() => ID, { nullable: true, description: 'Only cadres of this unit (global ID).' }) unitId?: string;
  @Field(() => String, { nullable: true, description: 'Only cadres whose name contains this text.' }) name?: string;
}
