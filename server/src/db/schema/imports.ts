/**
 * Bulk imports 批量导入 (issue 16): one job per uploaded file and target area, keyed by the
 * file's SHA-256 so that uploading the same file again returns the same job (idempotent),
 * and the file itself in chunks, so that any server process can validate, report on and
 * commit it (the API keeps no state between requests).
 */
import { bigint, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** Raw bytes (drizzle has no bytea column of its own). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 of the file's bytes (hex); null while the upload is still arriving. */
    fileHash: text('file_hash'),
    /** The area the file is for (county, township or village code): every row must lie in it. */
    areaCode: text('area_code').notNull(),
    actor: text('actor').notNull(),
    fileName: text('file_name'),
    format: text('format').notNull(),
    size: bigint('size', { mode: 'number' }).notNull().default(0),
    /** UPLOADING → VALID | INVALID → COMMITTED (a failed commit leaves VALID or INVALID). */
    status: text('status').notNull(),
    /** The validation report (bulk.report.ts `Report`): counts, encoding, problems (capped). */
    report: jsonb('report'),
    /** What the commit wrote (counts), once COMMITTED. */
    result: jsonb('result'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    /** Idempotency: one job per file and area. */
    uniqueIndex('import_jobs_file_key').on(t.fileHash, t.areaCode).where(sql`${t.fileHash} is not null`),
    index('import_jobs_area_idx').using('btree', sql`${t.areaCode} text_pattern_ops`),
  ],
);

/** The uploaded file in chunks of about 1 MB, in order. */
export const importChunks = pgTable(
  'import_chunks',
  {
    jobId: uuid('job_id').notNull().references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
