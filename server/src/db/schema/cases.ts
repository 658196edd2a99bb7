/**
 * Procedures on households and villages (issue 3): identification 两公示一公告, exit,
 * relapse, removal, and the poor-village procedure. A case is one run of a procedure;
 * its steps, postings 公示, objections 异议 and documents are never updated in place
 * except to resolve an objection. Status events are the register's history: every
 * change of a household's or village's status or stage, with the case it came from.
 * Every row carries its village code, so the scope check is one predicate on the row.
 */
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey(),
    /** HOUSEHOLD_IDENTIFICATION, HOUSEHOLD_EXIT, HOUSEHOLD_RELAPSE, HOUSEHOLD_REMOVAL, VILLAGE_IDENTIFICATION. */
    kind: text('kind').notNull(),
    householdId: uuid('household_id'),
    villageCode: text('village_code').notNull(),
    year: integer('year').notNull(),
    /** The procedure's state; see modules/case/procedures.ts. */
    state: text('state').notNull(),
    /** Set when the case ends: APPROVED, REJECTED or WITHDRAWN. */
    outcome: text('outcome'),
    /** What the case carries besides its steps (e.g. the relapse cause, the removal reason). */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    openedBy: text('opened_by').notNull(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.state),
    index('cases_household_idx').on(t.householdId),
  ],
);

/** One step taken in a case: who took it, when it takes effect, what it recorded. */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    villageCode: text('village_code').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    effectiveDate: date('effective_date').notNull(),
    /** The step's own record: votes, decision, check results, consent, reason, indicators. */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    actor: text('actor').notNull(),
    role: text('role').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_steps_case_idx').on(t.caseId, t.takenAt)],
);

/** A document filed with a step (meeting minutes, a photo of the posting, a consent form): a title and a reference to where it is kept. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    stepId: uuid('step_id').references(() => caseSteps.id),
    villageCode: text('village_code').notNull(),
    title: text('title').notNull(),
    reference: text('reference').notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId)],
);

/** A posting 公示 (or announcement 公告) in the village: open from starts_on until closes_on (exclusive). */
export const postings = pgTable(
  'postings',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    villageCode: text('village_code').notNull(),
    /** FIRST, SECOND (identification), EXIT, VILLAGE. */
    round: text('round').notNull(),
    place: text('place'),
    startsOn: date('starts_on').notNull(),
    closesOn: date('closes_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('postings_case_idx').on(t.caseId),
    index('postings_open_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.closesOn),
  ],
);

/** An objection 异议 raised during a posting, recorded by whoever received it, resolved before the next step. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey(),
    postingId: uuid('posting_id').notNull().references(() => postings.id),
    caseId: uuid('case_id').notNull().references(() => cases.id),
    villageCode: text('village_code').notNull(),
    raisedOn: date('raised_on').notNull(),
    summary: text('summary').notNull(),
    receivedBy: text('received_by').notNull(),
    /** UPHELD or DISMISSED once resolved. */
    resolution: text('resolution'),
    /** For an upheld objection: RETURN (back to appraisal) or REJECT. */
    consequence: text('consequence'),
    resolutionReason: text('resolution_reason'),
    resolvedBy: text('resolved_by'),
    resolvedOn: date('resolved_on'),
  },
  (t) => [index('objections_case_idx').on(t.caseId)],
);

/**
 * The register's history: one row per change of a household's status 脱贫状态 or stage, or
 * of a village's poverty status, with the reason, the date it took effect and the case.
 */
export const statusEvents = pgTable(
  'status_events',
  {
    id: uuid('id').primaryKey(),
    /** HOUSEHOLD or VILLAGE. */
    subjectType: text('subject_type').notNull(),
    householdId: uuid('household_id'),
    villageCode: text('village_code').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    reason: text('reason').notNull(),
    effectiveDate: date('effective_date').notNull(),
    caseId: uuid('case_id'),
    actor: text('actor').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('status_events_household_idx').on(t.householdId, t.effectiveDate),
    index('status_events_village_idx').using('btree', sql`${t.villageCode} text_pattern_ops`, t.effectiveDate),
  ],
);
