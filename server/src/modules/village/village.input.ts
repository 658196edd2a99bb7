/** Filters for the `villages` query. */
import { Field, InputType } from 'type-graphql';
import { VillagePovertyStatus } from '../../codes/index.js';

@InputType({ description: 'Which villages to list; all given conditions must hold. Always limited to your area.' })
export class VillageFilterInput {
  @Field(() => String, { nullable: true, description: 'Area code prefix, e.g. 433124 for the villages of 花垣县.' })
  areaCode?: string;

  @Field(() => VillagePovertyStatus.values, { nullable: true, description: 'Only villages with this poor-village status.' })
  povertyStatus?: string;
}
