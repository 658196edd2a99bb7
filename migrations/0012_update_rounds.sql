CREATE TABLE "household_standings" (
	"household_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"village_code" text NOT NULL,
	"round_id" uuid NOT NULL,
	"result" text NOT NULL,
	"per_capita_net_income" numeric(12, 2),
	"line_area_code" text,
	"line_yuan" numeric(10, 2),
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_standings_household_id_year_pk" PRIMARY KEY("household_id","year")
);
--> statement-breakpoint
CREATE TABLE "update_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"status" text NOT NULL,
	"closes_on" date NOT NULL,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "household_standings" ADD CONSTRAINT "household_standings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_standings" ADD CONSTRAINT "household_standings_round_id_update_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."update_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_standings_round_idx" ON "household_standings" USING btree ("round_id","result");--> statement-breakpoint
CREATE INDEX "household_standings_scope_idx" ON "household_standings" USING btree ("village_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "update_rounds_area_year_key" ON "update_rounds" USING btree ("area_code","year");--> statement-breakpoint
CREATE INDEX "update_rounds_area_idx" ON "update_rounds" USING btree ("area_code" text_pattern_ops,"year");