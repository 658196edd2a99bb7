CREATE TABLE "exit_spot_checks" (
	"county_code" text NOT NULL,
	"year" integer NOT NULL,
	"sampled_exited" integer NOT NULL,
	"wrongly_exited" integer NOT NULL,
	"sampled_non_registered" integer NOT NULL,
	"missed_poor_found" integer NOT NULL,
	"surveyed_households" integer NOT NULL,
	"approving_households" integer NOT NULL,
	"missed_poor" integer NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_spot_checks_county_code_year_pk" PRIMARY KEY("county_code","year")
);
--> statement-breakpoint
CREATE TABLE "provincial_figures" (
	"province_code" text NOT NULL,
	"year" integer NOT NULL,
	"poverty_incidence" numeric(8, 6) NOT NULL,
	"average_net_income" numeric(12, 2) NOT NULL,
	"region" text NOT NULL,
	"village_exit_incidence" numeric(8, 6) NOT NULL,
	"county_exit_incidence" numeric(8, 6) NOT NULL,
	"village_rule" text DEFAULT 'ALL_THREE' NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provincial_figures_province_code_year_pk" PRIMARY KEY("province_code","year")
);
