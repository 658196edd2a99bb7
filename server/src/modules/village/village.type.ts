/** GraphQL type of a village with its poor-village record 贫困村. */
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { VillagePovertyStatus } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A village-level area (12-digit code) with its poor-village record and yearly surveys.' })
export class Village extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  declare id: string;

  @Field(() => String, { description: 'Statistical code 统计用区划代码 (12 digits).' })
  code!: string;

  @Field(() => String, { description: 'Name 村名, e.g. 十八洞村.' })
  name!: string;

  @Field(() => VillagePovertyStatus.values, { description: 'Poor-village status 贫困村状态.' })
  povertyStatus!: string;

  @Field(() => Int, { nullable: true, description: 'Year the village was identified as poor 识别年度.' })
  identifiedYear!: number | null;

  @Field(() => Int, { nullable: true, description: 'Year the village exited 出列年度.' })
  exitYear!: number | null;

  /** Township code, resolved to `township`. */
  parentCode!: string | null;
}
