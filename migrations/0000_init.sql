CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" smallint NOT NULL,
	"parent_code" text
);
--> statement-breakpoint
CREATE TABLE "village_surveys" (
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"natural_villages" integer NOT NULL,
	"villager_groups" integer NOT NULL,
	"households" integer NOT NULL,
	"population" integer NOT NULL,
	"poor_households" integer NOT NULL,
	"poor_population" integer NOT NULL,
	"dibao_households" integer NOT NULL,
	"destitute_households" integer NOT NULL,
	"disabled_people" integer NOT NULL,
	"minority_population" integer NOT NULL,
	"labour_force" integer NOT NULL,
	"migrant_workers" integer NOT NULL,
	"arable_land_mu" numeric(12, 2) NOT NULL,
	"forest_land_mu" numeric(12, 2) NOT NULL,
	"per_capita_net_income" numeric(12, 2) NOT NULL,
	"collective_income" numeric(14, 2) NOT NULL,
	"natural_villages_without_hardened_road" integer NOT NULL,
	"has_bus_service" boolean NOT NULL,
	"households_without_safe_water" integer NOT NULL,
	"households_without_power" integer NOT NULL,
	"dilapidated_houses" integer NOT NULL,
	"has_clinic" boolean NOT NULL,
	"has_village_doctor" boolean NOT NULL,
	"has_cultural_room" boolean NOT NULL,
	"has_broadband" boolean NOT NULL,
	"has_work_team" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_surveys_village_code_year_pk" PRIMARY KEY("village_code","year")
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"code" text PRIMARY KEY NOT NULL,
	"poverty_status" text DEFAULT '0' NOT NULL,
	"identified_year" integer,
	"exit_year" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_years" (
	"household_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"village_code" text NOT NULL,
	"member_count" smallint NOT NULL,
	"wage" numeric(12, 2) NOT NULL,
	"production" numeric(12, 2) NOT NULL,
	"property_dividend" numeric(12, 2) NOT NULL,
	"property_other" numeric(12, 2) NOT NULL,
	"transfer_family_planning" numeric(12, 2) NOT NULL,
	"transfer_dibao" numeric(12, 2) NOT NULL,
	"transfer_destitute" numeric(12, 2) NOT NULL,
	"transfer_pension" numeric(12, 2) NOT NULL,
	"transfer_ecological" numeric(12, 2) NOT NULL,
	"transfer_other" numeric(12, 2) NOT NULL,
	"production_cost" numeric(12, 2) NOT NULL,
	"net_income" numeric(12, 2) NOT NULL,
	"per_capita_net_income" numeric(12, 2) NOT NULL,
	"arable_land_mu" numeric(10, 2) NOT NULL,
	"irrigated_land_mu" numeric(10, 2) NOT NULL,
	"forest_land_mu" numeric(10, 2) NOT NULL,
	"grain_to_forest_mu" numeric(10, 2) NOT NULL,
	"orchard_mu" numeric(10, 2) NOT NULL,
	"pasture_mu" numeric(10, 2) NOT NULL,
	"water_surface_mu" numeric(10, 2) NOT NULL,
	"production_power" boolean NOT NULL,
	"household_power" boolean NOT NULL,
	"radio_tv" boolean NOT NULL,
	"drinking_water_difficulty" boolean NOT NULL,
	"drinking_water_safe" boolean NOT NULL,
	"distance_to_road_km" numeric(8, 2) NOT NULL,
	"road_type" text NOT NULL,
	"housing_area_m2" numeric(8, 2) NOT NULL,
	"dilapidated_house" boolean NOT NULL,
	"dilapidated_grade" text,
	"sanitary_toilet" boolean NOT NULL,
	"main_fuel" text NOT NULL,
	"in_cooperative" boolean NOT NULL,
	"led_by_enterprise" boolean NOT NULL,
	"led_by_entrepreneur" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_years_household_id_year_pk" PRIMARY KEY("household_id","year")
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"village_code" text NOT NULL,
	"identification_standard" text NOT NULL,
	"attribute" text NOT NULL,
	"main_cause" text NOT NULL,
	"other_causes" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text NOT NULL,
	"military_family" boolean NOT NULL,
	"one_child_family" boolean NOT NULL,
	"two_daughter_family" boolean NOT NULL,
	"planned_exit_year" integer,
	"first_identified_date" date,
	"exit_year" integer,
	"phone" text,
	"bank_name" text,
	"bank_account" text,
	"member_count" smallint NOT NULL,
	"latest_year" integer,
	"latest_per_capita_net_income" numeric(12, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL,
	"id_kind" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" text NOT NULL,
	"relation" text NOT NULL,
	"ethnicity" text NOT NULL,
	"political_status" text,
	"education" text NOT NULL,
	"schooling" text NOT NULL,
	"health" text[] NOT NULL,
	"labour_skill" text NOT NULL,
	"migrant_work" text NOT NULL,
	"migrant_months" smallint NOT NULL,
	"speaks_mandarin" boolean NOT NULL,
	"active_soldier" boolean NOT NULL,
	"basic_medical_insurance" boolean NOT NULL,
	"serious_illness_insurance" boolean NOT NULL,
	"basic_pension_insurance" boolean NOT NULL,
	"commercial_medical_insurance" boolean NOT NULL,
	"accident_insurance" boolean NOT NULL,
	"receives_dibao" boolean NOT NULL,
	"destitute_supported" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"role" text NOT NULL,
	"operation" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"area_code" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "change_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"area_code" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_years" ADD CONSTRAINT "household_years_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("parent_code","code");--> statement-breakpoint
CREATE INDEX "areas_code_pattern_idx" ON "areas" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "areas_name_idx" ON "areas" USING btree ("name" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "villages_code_pattern_idx" ON "villages" USING btree ("code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_years_scope_idx" ON "household_years" USING btree ("village_code" text_pattern_ops,"year");--> statement-breakpoint
CREATE UNIQUE INDEX "households_number_key" ON "households" USING btree ("number");--> statement-breakpoint
CREATE INDEX "households_scope_idx" ON "households" USING btree ("village_code" text_pattern_ops,"number");--> statement-breakpoint
CREATE INDEX "households_status_idx" ON "households" USING btree ("status");--> statement-breakpoint
CREATE INDEX "households_main_cause_idx" ON "households" USING btree ("main_cause");--> statement-breakpoint
CREATE UNIQUE INDEX "members_id_number_key" ON "members" USING btree ("id_number");--> statement-breakpoint
CREATE INDEX "members_household_idx" ON "members" USING btree ("household_id","position");--> statement-breakpoint
CREATE INDEX "audit_scope_idx" ON "audit_log" USING btree ("area_code" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity_id","id");--> statement-breakpoint
CREATE INDEX "change_events_scope_idx" ON "change_events" USING btree ("area_code" text_pattern_ops,"id");