CREATE TABLE "fund_allocations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"title" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"spent" numeric(14, 2) DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocations_spent_within" CHECK ("fund_allocations"."spent" >= 0 and "fund_allocations"."spent" <= "fund_allocations"."amount")
);
--> statement-breakpoint
CREATE TABLE "fund_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"description" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fund_spendings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"allocation_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"measure_id" uuid,
	"project_id" uuid,
	"household_id" uuid,
	"amount" numeric(14, 2) NOT NULL,
	"spent_on" date NOT NULL,
	"purpose" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_spendings_positive" CHECK ("fund_spendings"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scheme_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"result" jsonb NOT NULL,
	"computed_by" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"components" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"grades" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_sample_items" (
	"sample_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"household_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"purpose" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "spot_check_samples" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"seed" integer NOT NULL,
	"plan" jsonb NOT NULL,
	"non_registered_per_village" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exit_spot_checks" ADD COLUMN "sampled_registered" integer;--> statement-breakpoint
ALTER TABLE "exit_spot_checks" ADD COLUMN "wrongly_included" integer;--> statement-breakpoint
ALTER TABLE "fund_spendings" ADD CONSTRAINT "fund_spendings_allocation_id_fund_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."fund_allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_runs" ADD CONSTRAINT "assessment_runs_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spot_check_sample_items" ADD CONSTRAINT "spot_check_sample_items_sample_id_spot_check_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."spot_check_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fund_allocations_scope_idx" ON "fund_allocations" USING btree ("area_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "fund_findings_county_idx" ON "fund_findings" USING btree ("county_code","year");--> statement-breakpoint
CREATE INDEX "fund_spendings_allocation_idx" ON "fund_spendings" USING btree ("allocation_id");--> statement-breakpoint
CREATE INDEX "fund_spendings_household_idx" ON "fund_spendings" USING btree ("household_id") WHERE "fund_spendings"."household_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "fund_spendings_scope_idx" ON "fund_spendings" USING btree ("area_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "assessment_runs_scope_idx" ON "assessment_runs" USING btree ("area_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_runs_draft_key" ON "assessment_runs" USING btree ("scheme_id","area_code","year") WHERE "assessment_runs"."status" = 'DRAFT';--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_runs_published_key" ON "assessment_runs" USING btree ("scheme_id","area_code","year") WHERE "assessment_runs"."status" = 'PUBLISHED';--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_version_key" ON "assessment_schemes" USING btree ("area_code","name","version");--> statement-breakpoint
CREATE UNIQUE INDEX "spot_check_sample_items_key" ON "spot_check_sample_items" USING btree ("sample_id","ordinal");--> statement-breakpoint
CREATE INDEX "spot_check_samples_county_idx" ON "spot_check_samples" USING btree ("county_code","year");