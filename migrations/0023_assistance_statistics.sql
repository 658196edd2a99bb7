CREATE TABLE "stat_links" (
	"village_code" text NOT NULL,
	"sector" text NOT NULL,
	"target" text NOT NULL,
	"links" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_links_pk" PRIMARY KEY("village_code","sector","target")
);
--> statement-breakpoint
CREATE TABLE "stat_measures" (
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
	CONSTRAINT "stat_measures_pk" PRIMARY KEY("village_code","year","kind","status","loan_status")
);
--> statement-breakpoint
CREATE TABLE "stat_pairings" (
	"village_code" text PRIMARY KEY NOT NULL,
	"households" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "visits_village_date_idx" ON "visits" USING btree ("village_code","visited_on","household_id");