CREATE TABLE "assistance_limits" (
	"area_code" text PRIMARY KEY NOT NULL,
	"micro_credit_max_principal" numeric(12, 2) NOT NULL,
	"micro_credit_max_term_months" integer NOT NULL,
	"relocation_max_m2_per_person" numeric(8, 2) NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistance_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"goal" text NOT NULL,
	"exit_target_year" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"causes" text[] NOT NULL,
	"responsible_cadre_id" uuid,
	"planned_amount" numeric(12, 2) NOT NULL,
	"actual_amount" numeric(12, 2),
	"funding_source" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text NOT NULL,
	"started_on" date,
	"completed_on" date,
	"cancelled_on" date,
	"cancel_reason" text,
	"details" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assistance_plans" ADD CONSTRAINT "assistance_plans_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_responsible_cadre_id_cadres_id_fk" FOREIGN KEY ("responsible_cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assistance_plans_household_year_key" ON "assistance_plans" USING btree ("household_id","year") WHERE "assistance_plans"."household_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "assistance_plans_village_year_key" ON "assistance_plans" USING btree ("village_code","year") WHERE "assistance_plans"."household_id" IS NULL;--> statement-breakpoint
CREATE INDEX "assistance_plans_scope_idx" ON "assistance_plans" USING btree ("village_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "measures_household_idx" ON "measures" USING btree ("household_id","year");--> statement-breakpoint
CREATE INDEX "measures_scope_idx" ON "measures" USING btree ("village_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE INDEX "measures_cadre_idx" ON "measures" USING btree ("responsible_cadre_id");--> statement-breakpoint
CREATE INDEX "measures_open_end_idx" ON "measures" USING btree ("end_date") WHERE "measures"."status" IN ('planned', 'in_progress');