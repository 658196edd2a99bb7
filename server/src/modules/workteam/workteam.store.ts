/**
 * SQL for village work teams 驻村工作队 and their members. Reads are scoped by the
 * team's village (auth/scope.ts villageScoped); the current team of a village is
 * locked for a rotation, so two rotations of one village run in turn.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Caller } from '../../auth/caller.js';
import { villageScoped } from '../../auth/scope.js';
import type { Tx } from '../../db/client.js';
import { workTeamMembers, workTeams } from '../../db/schema/index.js';
import { named } from '../../db/stats.js';

export type TeamRow = typeof workTeams.$inferSelect;
export type TeamMemberRow = typeof workTeamMembers.$inferSelect;

export const workTeamStore = {
  /** Serialises team writes of a village, then reads its current team. */
  lockCurrent: (db: Tx, villageCode: string) =>
    named('workTeam.lockCurrent', async () => {
      await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'work-team:' + villageCode}))`);
      return (await db.select().from(workTeams).where(and(eq(workTeams.villageCode, villageCode), isNull(workTeams.endedOn))))[0];
    }),

  end: (db: Tx, id: string, endedOn: string) => named('workTeam.end', () => db.update(workTeams).set({ endedOn }).where(eq(workTeams.id, id)).returning()),

  insert: (db: Tx, row: typeof workTeams.$inferInsert) => named('workTeam.insert', () => db.insert(workTeams).values(row).returning()),

  insertMembers: (db: Tx, rows: (typeof workTeamMembers.$inferInsert)[]) => named('workTeam.insertMembers', () => db.insert(workTeamMembers).values(rows).returning()),

  byIds: (db: Tx, caller: Caller, ids: readonly string[]) =>
    named('workTeam.byIds', () => db.select().from(workTeams).where(and(villageScoped(workTeams.villageCode, caller), inArray(workTeams.id, [...ids])))),

  currentOfVillages: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('workTeam.current', () =>
      db.select().from(workTeams).where(and(villageScoped(workTeams.villageCode, caller), isNull(workTeams.endedOn), inArray(workTeams.villageCode, [...codes])))),

  /** Terms of villages, newest first. */
  historyOfVillages: (db: Tx, caller: Caller, codes: readonly string[]) =>
    named('workTeam.history', () =>
      db.select().from(workTeams).where(and(villageScoped(workTeams.villageCode, caller), inArray(workTeams.villageCode, [...codes])))
        .orderBy(asc(workTeams.villageCode), desc(workTeams.startedOn))),

  membersOf: (db: Tx, caller: Caller, teamIds: readonly string[]) =>
    named('workTeam.members', () =>
      db.select().from(workTeamMembers).where(and(villageScoped(workTeamMembers.villageCode, caller), inArray(workTeamMembers.teamId, [...teamIds])))
        .orderBy(asc(workTeamMembers.teamId), asc(workTeamMembers.role))),

  /** Current teams the cadres are on, in the caller's scope. */
  currentOfCadres: (db: Tx, caller: Caller, cadreIds: readonly string[]) =>
    named('workTeam.ofCadres', () =>
      db.select({ cadreId: workTeamMembers.cadreId, team: workTeams }).from(workTeamMembers).innerJoin(workTeams, eq(workTeams.id, workTeamMembers.teamId))
        .where(and(villageScoped(workTeams.villageCode, caller), isNull(workTeams.endedOn), inArray(workTeamMembers.cadreId, [...cadreIds])))
        .orderBy(asc(workTeamMembers.cadreId), asc(workTeams.villageCode))),
};
