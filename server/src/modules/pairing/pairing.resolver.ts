/** Pairing mutations and the responsible-person fields of households and cadres. Thin. */
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import type { Context } from '../../graphql/context.js';
import { Cadre } from '../cadre/cadre.type.js';
import { cadreService, type CadreModel } from '../cadre/cadre.service.js';
import { Household } from '../household/household.type.js';
import type { HouseholdModel } from '../household/household.mapper.js';
import { Pairing } from './pairing.type.js';
import { pairingService, type PairingModel } from './pairing.service.js';
import { pairedHouseholds } from './pairing.households.js';

const HouseholdArg = () => Arg('householdId', () => ID, { description: 'Global ID of the household.' });
const CadreArg = () => Arg('cadreId', () => ID, { description: 'Global ID of the cadre who becomes the responsible person.' });
const StartArg = () => Arg('startedOn', () => GraphQLLocalDate, { description: 'First day of the pairing (YYYY-MM-DD), not in the future.' });

@Resolver(() => Pairing)
export class PairingResolver {
  @Mutation(() => Pairing, { description: 'Names the responsible person 帮扶责任人 of a registered household (poverty status 0, 1 or 3) that has none. Officials and admins of the area.' })
  pairHousehold(
    @HouseholdArg() householdId: string, @CadreArg() cadreId: string, @StartArg() startedOn: string, @Ctx() ctx: Context,
    @Arg('reason', () => String, { nullable: true, description: 'A remark, up to 500 characters.' }) reason?: string,
  ) {
    return pairingService.pair(ctx, { householdId, cadreId, startedOn, reason });
  }

  @Mutation(() => Pairing, { description: "Changes a household's responsible person: the current pairing ends on `startedOn` and the new one begins; both stay in the history. Officials and admins of the area." })
  reassignPairing(
    @HouseholdArg() householdId: string, @CadreArg() cadreId: string, @StartArg() startedOn: string,
    @Arg('reason', () => String, { description: 'Why the responsible person changes, 1–500 characters.' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    return pairingService.reassign(ctx, { householdId, cadreId, startedOn, reason });
  }

  @FieldResolver(() => Household, { nullable: true, description: 'The household; null if it is no longer in your scope.' })
  household(@Root() p: PairingModel, @Ctx() ctx: Context) {
    return pairedHouseholds.one(ctx, p.householdId);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: 'The responsible person 帮扶责任人.' })
  cadre(@Root() p: PairingModel, @Ctx() ctx: Context) {
    return cadreService.relatedCadre(ctx, p.cadreId);
  }
}

@Resolver(() => Household)
export class HouseholdPairingResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: 'The responsible person 帮扶责任人 now; null if none (or your role may not see people).' })
  async responsiblePerson(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    const current = await pairingService.current(ctx, h.key);
    return current && cadreService.relatedCadre(ctx, current.cadreId);
  }

  @FieldResolver(() => [Pairing], { description: 'Every pairing of the household, oldest first (empty for roles that may not see people).' })
  pairings(@Root() h: HouseholdModel, @Ctx() ctx: Context) {
    return pairingService.history(ctx, h.key);
  }
}

@Resolver(() => Cadre)
export class CadrePairingResolver {
  @FieldResolver(() => [Household], { description: 'The households the cadre is the responsible person of now, inside your scope.' })
  households(@Root() c: CadreModel, @Ctx() ctx: Context) {
    return pairedHouseholds.ofCadre(ctx, c.key);
  }
}
