/** Relay's Node interface: anything with an opaque global ID can be fetched by `node(id:)`. */
import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType({
  description: 'An object with an opaque global ID (Relay).',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID: pass it to node(id:); never parse it.' })
  id!: string;
}
