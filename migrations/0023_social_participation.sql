CREATE TABLE "donors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"interest_categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"interest_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"interest_min_amount" numeric(12, 2),
	"interest_max_amount" numeric(12, 2),
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "needs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"household_id" uuid,
	"village_code" text NOT NULL,
	"category" text NOT NULL,
	"target" numeric(12, 2) NOT NULL,
	"items" text,
	"deadline" date NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"checked_by" text,
	"reviewed_by" text,
	"published_at" timestamp with time zone,
	"closed_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pledges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"need_id" uuid NOT NULL,
	"donor_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"size" numeric(12, 2) NOT NULL,
	"deliver_by" date NOT NULL,
	"status" text NOT NULL,
	"delivered_on" date,
	"delivered_size" numeric(12, 2),
	"evidence" text,
	"confirmed_on" date,
	"confirmed_by" text,
	"acknowledged_on" date,
	"acknowledgement" text,
	"acknowledged_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "donors" ADD CONSTRAINT "donors_unit_id_assistance_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."assistance_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_need_id_needs_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."needs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pledges" ADD CONSTRAINT "pledges_donor_id_donors_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."donors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "donors_subject_key" ON "donors" USING btree ("subject");--> statement-breakpoint
CREATE UNIQUE INDEX "needs_reference_key" ON "needs" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "needs_scope_idx" ON "needs" USING btree ("village_code" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "needs_published_idx" ON "needs" USING btree ("deadline","id") WHERE "needs"."status" = 'PUBLISHED';--> statement-breakpoint
CREATE INDEX "needs_household_idx" ON "needs" USING btree ("household_id","category");--> statement-breakpoint
CREATE INDEX "pledges_need_idx" ON "pledges" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "pledges_donor_idx" ON "pledges" USING btree ("donor_id","created_at");--> statement-breakpoint
CREATE INDEX "pledges_scope_idx" ON "pledges" USING btree ("village_code" text_pattern_ops);