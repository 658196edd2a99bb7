CREATE TABLE "assistance_units" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area_code" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"unit_id" uuid NOT NULL,
	"title" text,
	"area_code" text NOT NULL,
	"subject" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"household_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"cadre_id" uuid NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_unit_id_assistance_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."assistance_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_cadre_id_cadres_id_fk" FOREIGN KEY ("cadre_id") REFERENCES "public"."cadres"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistance_units_area_idx" ON "assistance_units" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_area_idx" ON "cadres" USING btree ("area_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "cadres_subject_idx" ON "cadres" USING btree ("subject") WHERE "cadres"."subject" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cadres_unit_idx" ON "cadres" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_current_idx" ON "pairings" USING btree ("household_id") WHERE "pairings"."ended_on" IS NULL;--> statement-breakpoint
CREATE INDEX "pairings_cadre_idx" ON "pairings" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "pairings_village_idx" ON "pairings" USING btree ("village_code" text_pattern_ops);