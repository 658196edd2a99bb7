-- Staged rows of validated imports (issue 16; server/src/modules/bulk/bulk.staging.store.ts):
-- the upload's validation COPYs each clean household, member and yearly record here, so that
-- the commit is a few set-based INSERT … SELECT statements in one transaction instead of a
-- second pass over the file. UNLOGGED: no WAL for rows that live minutes; after a crash of
-- PostgreSQL these tables are empty and a commit validates and stages the stored file again.
-- Each has every column of its register table (LIKE) plus the job and the file row: a migration
-- that adds a column to households, members or household_years adds it here too.
CREATE UNLOGGED TABLE "import_households" (
	"job_id" uuid NOT NULL,
	"file_row" integer NOT NULL,
	"expected_version" integer,
	"entity_id" text NOT NULL,
	"event_after" jsonb NOT NULL,
	LIKE "households" INCLUDING DEFAULTS
);
--> statement-breakpoint
ALTER TABLE "import_households" ALTER COLUMN "number" DROP NOT NULL;
--> statement-breakpoint
CREATE INDEX "import_households_job_idx" ON "import_households" USING btree ("job_id");
--> statement-breakpoint
CREATE UNLOGGED TABLE "import_members" (
	"job_id" uuid NOT NULL,
	"file_row" integer NOT NULL,
	LIKE "members" INCLUDING DEFAULTS
);
--> statement-breakpoint
CREATE INDEX "import_members_job_idx" ON "import_members" USING btree ("job_id");
--> statement-breakpoint
CREATE UNLOGGED TABLE "import_years" (
	"job_id" uuid NOT NULL,
	"file_row" integer NOT NULL,
	LIKE "household_years" INCLUDING DEFAULTS
);
--> statement-breakpoint
CREATE INDEX "import_years_job_idx" ON "import_years" USING btree ("job_id");
