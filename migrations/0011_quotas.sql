CREATE TABLE "quota_uses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_code" text NOT NULL,
	"year" integer NOT NULL,
	"household_id" text NOT NULL,
	"people" integer NOT NULL,
	"case_id" text NOT NULL,
	"used_by" text NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"people" integer NOT NULL,
	"set_by" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotas_year_area_code_pk" PRIMARY KEY("year","area_code")
);
--> statement-breakpoint
CREATE INDEX "quota_uses_active_idx" ON "quota_uses" USING btree ("year","village_code" text_pattern_ops) WHERE "quota_uses"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "quota_uses_household_key" ON "quota_uses" USING btree ("household_id","year") WHERE "quota_uses"."released_at" is null;