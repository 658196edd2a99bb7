CREATE TABLE "household_year_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"village_code" text NOT NULL,
	"version" integer NOT NULL,
	"previous" jsonb NOT NULL,
	"reason" text NOT NULL,
	"corrected_by" text NOT NULL,
	"corrected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_years" ADD COLUMN "migrant_work" jsonb;--> statement-breakpoint
ALTER TABLE "household_years" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_training_min_age" smallint DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_training_max_age" smallint DEFAULT 59 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_secondary_min_age" smallint DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_secondary_max_age" smallint DEFAULT 22 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_higher_min_age" smallint DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_higher_max_age" smallint DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "household_year_revisions" ADD CONSTRAINT "household_year_revisions_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "household_year_revisions_key" ON "household_year_revisions" USING btree ("household_id","year","version");--> statement-breakpoint
CREATE INDEX "household_year_revisions_scope_idx" ON "household_year_revisions" USING btree ("village_code" text_pattern_ops);