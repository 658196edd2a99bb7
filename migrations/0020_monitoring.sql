CREATE TABLE "monitoring_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"household_id" uuid NOT NULL,
	"household_number" text NOT NULL,
	"village_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"year" integer,
	"triggers" jsonb NOT NULL,
	"risk_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"risk" text NOT NULL,
	"identified_on" date NOT NULL,
	"removed_on" date,
	"removed_how" text,
	"removal_note" text,
	"opened_by" text NOT NULL,
	"removed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_help" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"village_code" text NOT NULL,
	"given_on" date NOT NULL,
	"measure" text NOT NULL,
	"amount_yuan" numeric(12, 2),
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_settings" (
	"area_code" text PRIMARY KEY NOT NULL,
	"income_multiple" numeric(4, 2) NOT NULL,
	"fall_share" numeric(4, 3) NOT NULL,
	"scale_target" numeric(4, 3) NOT NULL,
	"scale_max" numeric(4, 3) NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_years" ADD COLUMN "rigid_spending" numeric(12, 2) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "monitoring_cases" ADD CONSTRAINT "monitoring_cases_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_help" ADD CONSTRAINT "monitoring_help_case_id_monitoring_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."monitoring_cases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_cases_open_key" ON "monitoring_cases" USING btree ("household_id") WHERE "monitoring_cases"."status" = 'OPEN';--> statement-breakpoint
CREATE INDEX "monitoring_cases_household_idx" ON "monitoring_cases" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_cases_scope_idx" ON "monitoring_cases" USING btree ("household_number","id");--> statement-breakpoint
CREATE INDEX "monitoring_help_case_idx" ON "monitoring_help" USING btree ("case_id","given_on");