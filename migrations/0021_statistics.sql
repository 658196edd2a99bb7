CREATE TABLE "rural_populations" (
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	"set_by" text NOT NULL,
	CONSTRAINT "rural_populations_pk" PRIMARY KEY("area_code","year")
);
--> statement-breakpoint
CREATE TABLE "stat_households" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"attribute" text NOT NULL,
	"main_cause" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_households_pk" PRIMARY KEY("level","village_code","status","stage","attribute","main_cause")
);
--> statement-breakpoint
CREATE TABLE "stat_income" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"stage" text NOT NULL,
	"status" text NOT NULL,
	"bucket" integer NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"income_sum" numeric(16, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_income_pk" PRIMARY KEY("level","village_code","year","stage","status","bucket")
);
--> statement-breakpoint
CREATE TABLE "stat_links" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"sector" text NOT NULL,
	"target" text NOT NULL,
	"links" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_links_pk" PRIMARY KEY("level","village_code","sector","target")
);
--> statement-breakpoint
CREATE TABLE "stat_measures" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"loan_status" text NOT NULL,
	"measures" integer DEFAULT 0 NOT NULL,
	"planned_amount" numeric(16, 2) DEFAULT 0 NOT NULL,
	"actual_amount" numeric(16, 2) DEFAULT 0 NOT NULL,
	"loan_outstanding" numeric(16, 2) DEFAULT 0 NOT NULL,
	"people_moved" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_measures_pk" PRIMARY KEY("level","village_code","year","kind","status","loan_status")
);
--> statement-breakpoint
CREATE TABLE "stat_members" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"ethnicity" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" integer NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_members_pk" PRIMARY KEY("level","village_code","status","stage","ethnicity","sex","birth_year")
);
--> statement-breakpoint
CREATE TABLE "stat_monitoring" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_monitoring_pk" PRIMARY KEY("level","village_code","kind","status")
);
--> statement-breakpoint
CREATE TABLE "stat_other_causes" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"attribute" text NOT NULL,
	"main_cause" text NOT NULL,
	"other_cause" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_other_causes_pk" PRIMARY KEY("level","village_code","status","stage","attribute","main_cause","other_cause")
);
--> statement-breakpoint
CREATE TABLE "stat_pairings" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_pairings_pk" PRIMARY KEY("level","village_code")
);
--> statement-breakpoint
CREATE TABLE "stat_transitions" (
	"level" smallint NOT NULL,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"from_stage" text NOT NULL,
	"from_status" text NOT NULL,
	"to_stage" text NOT NULL,
	"to_status" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_transitions_pk" PRIMARY KEY("level","village_code","year","from_stage","from_status","to_stage","to_status")
);
--> statement-breakpoint
CREATE INDEX "visits_village_date_idx" ON "visits" USING btree ("village_code","visited_on","household_id");