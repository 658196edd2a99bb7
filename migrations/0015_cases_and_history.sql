CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"step_id" uuid,
	"village_code" text NOT NULL,
	"title" text NOT NULL,
	"reference" text NOT NULL,
	"added_by" text NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"effective_date" date NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"household_id" uuid,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"state" text NOT NULL,
	"outcome" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opened_by" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"posting_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"raised_on" date NOT NULL,
	"summary" text NOT NULL,
	"received_by" text NOT NULL,
	"resolution" text,
	"consequence" text,
	"resolution_reason" text,
	"resolved_by" text,
	"resolved_on" date
);
--> statement-breakpoint
CREATE TABLE "postings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"round" text NOT NULL,
	"place" text,
	"starts_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_type" text NOT NULL,
	"household_id" uuid,
	"village_code" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"reason" text NOT NULL,
	"effective_date" date NOT NULL,
	"case_id" uuid,
	"actor" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "households" ADD COLUMN "exit_policy_ends_on" date;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_step_id_case_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."case_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_steps" ADD CONSTRAINT "case_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_posting_id_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objections" ADD CONSTRAINT "objections_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "postings" ADD CONSTRAINT "postings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_steps_case_idx" ON "case_steps" USING btree ("case_id","taken_at");--> statement-breakpoint
CREATE INDEX "cases_village_idx" ON "cases" USING btree ("village_code" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "cases_household_idx" ON "cases" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "objections_case_idx" ON "objections" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "postings_case_idx" ON "postings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "postings_open_idx" ON "postings" USING btree ("village_code" text_pattern_ops,"closes_on");--> statement-breakpoint
CREATE INDEX "status_events_household_idx" ON "status_events" USING btree ("household_id","effective_date");--> statement-breakpoint
CREATE INDEX "status_events_village_idx" ON "status_events" USING btree ("village_code" text_pattern_ops,"effective_date");