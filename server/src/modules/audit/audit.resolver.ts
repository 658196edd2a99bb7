/** The audit trail query. */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Connection } from '../../graphql/connection.js';
import { After, First, withoutNulls } from '../../graphql/args.js';
import type { Context } from '../../graphql/context.js';
import { AuditEntry, AuditFilterInput } from './audit.type.js';
import { auditService } from './audit.service.js';

const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry', 'audit record');

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail of your area, newest first. Officials and admins only.' })
  auditTrail(
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditFilterInput, { nullable: true, description: 'Which records.' }) filter?: AuditFilterInput,
    @First() first?: number,
    @After() after?: string,
  ) {
    return auditService.page(ctx, withoutNulls({ ...filter, first, after }));
  }
}
