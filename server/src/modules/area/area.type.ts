/** GraphQL type of an administrative area (行政区划). */
import { Field, ID, ObjectType } from 'type-graphql';
import { AreaLevel } from '../../codes/index.js';
import { Node } from '../node/node.type.js';

@ObjectType({ implements: Node, description: 'An administrative area with its national statistical code: province, prefecture, county, township or village.' })
export class Area extends Node {
  @Field(() => ID, { description: 'Opaque global ID.' })
  declare id: string;

  @Field(() => String, { description: 'Statistical code 统计用区划代码: 2, 4, 6, 9 or 12 digits.' })
  code!: string;

  @Field(() => String, { description: 'Name 名称, e.g. 花垣县.' })
  name!: string;

  @Field(() => AreaLevel.values, { description: 'Level of the area.' })
  level!: string;

  /** Parent code, resolved to `parent`. */
  parentCode!: string | null;
}
