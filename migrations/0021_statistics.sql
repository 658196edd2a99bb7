CREATE TABLE "rural_populations" (
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"population" integer NOT NULL,
	"set_by" text NOT NULL,
	CONSTRAINT "rural_populations_pk" PRIMARY KEY("area_code","year")
);
--> statement-breakpoint
CREATE TABLE "stat_households" (
	"village_code" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"attribute" text NOT NULL,
	"main_cause" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_households_pk" PRIMARY KEY("village_code","status","stage","attribute","main_cause")
);
--> statement-breakpoint
CREATE TABLE "stat_income" (
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"stage" text NOT NULL,
	"status" text NOT NULL,
	"bucket" integer NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"income_sum" numeric(16, 2) DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_income_pk" PRIMARY KEY("village_code","year","stage","status","bucket")
);
--> statement-breakpoint
CREATE TABLE "stat_members" (
	"village_code" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"attribute" text NOT NULL,
	"main_cause" text NOT NULL,
	"ethnicity" text NOT NULL,
	"sex" text NOT NULL,
	"birth_year" integer NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_members_pk" PRIMARY KEY("village_code","status","stage","attribute","main_cause","ethnicity","sex","birth_year")
);
--> statement-breakpoint
CREATE TABLE "stat_monitoring" (
	"village_code" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_monitoring_pk" PRIMARY KEY("village_code","kind","status")
);
--> statement-breakpoint
CREATE TABLE "stat_other_causes" (
	"village_code" text NOT NULL,
	"status" text NOT NULL,
	"stage" text NOT NULL,
	"attribute" text NOT NULL,
	"main_cause" text NOT NULL,
	"other_cause" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_other_causes_pk" PRIMARY KEY("village_code","status","stage","attribute","main_cause","other_cause")
);
--> statement-breakpoint
CREATE TABLE "stat_transitions" (
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"from_stage" text NOT NULL,
	"from_status" text NOT NULL,
	"to_stage" text NOT NULL,
	"to_status" text NOT NULL,
	"households" integer DEFAULT 0 NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_transitions_pk" PRIMARY KEY("village_code","year","from_stage","from_status","to_stage","to_status")
);
