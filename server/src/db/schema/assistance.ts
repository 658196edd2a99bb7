/**
 * People who help and the units that send them (精准帮扶): assistance units, cadres,
 * and the pairing of each registered household with its responsible person
 * 帮扶责任人, village work teams 驻村工作队 and visits 帮扶日志. Rows carry an area code so
 * the scope check is one predicate on the row.
 */
import { sql } from 'drizzle-orm';
import { date, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A unit that sends cadres: a government body, a designated assistance unit 定点扶贫,
 * an east–west partner province 东西扶贫协作, the army or armed police, an enterprise,
 * a social organization. `kind` is a code of server/src/codes (unit kinds).
 */
export const assistanceUnits = pgTable(
  'assistance_units',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** Where the unit is registered as helping (a code prefix); its scope for officials. */
    areaCode: text('area_code').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assistance_units_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`)],
);

/**
 * A cadre 帮扶干部: a person who helps. `subject` is the `sub` of the cadre's token, so a
 * token with role `cadre` resolves to this row and reaches the households they are paired
 * with and the villages whose work team they belong to.
 */
export const cadres = pgTable(
  'cadres',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    phone: text('phone'),
    unitId: uuid('unit_id').notNull().references(() => assistanceUnits.id),
    title: text('title'),
    /** The area the cadre works in (a code prefix, usually a county or township). */
    areaCode: text('area_code').notNull(),
    subject: text('subject'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cadres_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
    uniqueIndex('cadres_subject_idx').on(t.subject).where(sql`${t.subject} IS NOT NULL`),
    index('cadres_unit_idx').on(t.unitId),
  ],
);

/**
 * Pairing 结对帮扶: the responsible person of a household over a period. A household has
 * at most one current pairing (ended_on IS NULL); reassignment ends the current row and
 * starts a new one, so the history is the rows in order.
 */
export const pairings = pgTable(
  'pairings',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    /** The household's village, for the area scope. */
    villageCode: text('village_code').notNull(),
    cadreId: uuid('cadre_id').notNull().references(() => cadres.id),
    startedOn: date('started_on').notNull(),
    endedOn: date('ended_on'),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('pairings_current_idx').on(t.householdId).where(sql`${t.endedOn} IS NULL`),
    index('pairings_cadre_idx').on(t.cadreId),
    index('pairings_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
  ],
);

/**
 * A village work team 驻村工作队 for one term: the sending unit, the term's start and
 * planned end, and its actual end. A village has at most one current team
 * (ended_on IS NULL); sending a new team ends the current one (rotation 轮换), so the
 * village's history is its rows in order of start.
 */
export const workTeams = pgTable(
  'work_teams',
  {
    id: uuid('id').primaryKey(),
    villageCode: text('village_code').notNull(),
    unitId: uuid('unit_id').notNull().references(() => assistanceUnits.id),
    startedOn: date('started_on').notNull(),
    /** The planned end of the term 任期 (e.g. two years), if set. */
    endsOn: date('ends_on'),
    /** The actual end: set when the next team takes over or the team is recalled. */
    endedOn: date('ended_on'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('work_teams_current_idx').on(t.villageCode).where(sql`${t.endedOn} IS NULL`),
    index('work_teams_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.startedOn),
  ],
);

/** The cadres of a work team's term, each with a role (codes/assistance.codes.ts WorkTeamRole). */
export const workTeamMembers = pgTable(
  'work_team_members',
  {
    teamId: uuid('team_id').notNull().references(() => workTeams.id),
    cadreId: uuid('cadre_id').notNull().references(() => cadres.id),
    role: text('role').notNull(),
    /** The team's village, for the area scope. */
    villageCode: text('village_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.cadreId] }), index('work_team_members_cadre_idx').on(t.cadreId)],
);

/**
 * A visit 走访 in the assistance log 帮扶日志: which cadre visited which household on
 * which day, what was done and what was found. Never changed once recorded.
 */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').primaryKey(),
    householdId: uuid('household_id').notNull(),
    /** The household's village, for the area scope. */
    villageCode: text('village_code').notNull(),
    cadreId: uuid('cadre_id').notNull().references(() => cadres.id),
    visitedOn: date('visited_on').notNull(),
    activities: text('activities').notNull(),
    findings: text('findings').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('visits_household_idx').on(t.householdId, t.visitedOn),
    index('visits_cadre_idx').on(t.cadreId, t.visitedOn),
    index('visits_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`),
    /** Statistics: households visited within N days under an area, as one range of this index (modules/statistics). */
    index('visits_village_date_idx').on(t.villageCode, t.visitedOn, t.householdId),
  ],
);
