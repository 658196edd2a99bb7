/** Filters for the `areas` query. */
import { Field, InputType } from 'type-graphql';
import { AreaLevel } from '../../codes/index.js';

@InputType({ description: 'Which areas to list; all given conditions must hold.' })
export class AreaFilterInput {
  @Field(() => String, { nullable: true, description: 'Only the direct children of this area code.' })
  parentCode?: string;

  @Field(() => AreaLevel.values, { nullable: true, description: 'Only areas of this level.' })
  level?: string;

  @Field(() => String, { nullable: true, description: 'Only areas whose code starts with this prefix, e.g. 433124.' })
  codePrefix?: string;

  @Field(() => String, { nullable: true, description: 'Only areas whose name contains this text, e.g. 十八洞.' })
  nameContains?: string;
}
