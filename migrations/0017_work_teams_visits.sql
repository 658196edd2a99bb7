CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"cadre_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"activities" text NOT NULL,
	"findings" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "work_team_members" (
	"team_id" uuid NOT NULL,
	"cadre_id" uuid NOT NULL,
	"role" text NOT NULL,
	"village_code" text NOT NULL,
	CONSTRAINT "work_team_members_team_id_cadre_id_pk" PRIMARY KEY("team_id","cadre_id")
);
--> statement-breakpoint
CREATE TABLE "work_teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"village_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ends_on" date,
	"ended_on" date,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_team_members" ADD CONSTRAINT "work_team_members_team_id_work_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."work_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_team_members" ADD CONSTRAINT "work_team_members_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_teams" ADD CONSTRAINT "work_teams_unit_id_assistance_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."assistance_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "visits_household_idx" ON "visits" USING btree ("household_id","visited_on");--> statement-breakpoint
CREATE INDEX "visits_cadre_idx" ON "visits" USING btree ("cadre_id","visited_on");--> statement-breakpoint
CREATE INDEX "visits_village_idx" ON "visits" USING btree ("village_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_team_members_cadre_idx" ON "work_team_members" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_teams_current_idx" ON "work_teams" USING btree ("village_code") WHERE "work_teams"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "work_teams_village_idx" ON "work_teams" USING btree ("village_code" text_pattern_ops,"started_on");