CREATE TABLE "household_warnings" (
	"household_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"rule" text NOT NULL,
	"field" text NOT NULL,
	"message" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "household_warnings" ADD CONSTRAINT "household_warnings_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "household_warnings_household_idx" ON "household_warnings" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "household_warnings_scope_idx" ON "household_warnings" USING btree ("village_code" text_pattern_ops,"rule");