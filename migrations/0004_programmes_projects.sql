CREATE TABLE "idempotency_keys" (
	"caller" text NOT NULL,
	"operation" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_caller_operation_key_pk" PRIMARY KEY("caller","operation","key")
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sector" text NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"budget" numeric(16, 2) NOT NULL,
	"area_code" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"project_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"household_id" uuid,
	"village_code" text NOT NULL,
	"benefit_kind" text NOT NULL,
	"amount" numeric(16, 2),
	"benefit_date" date NOT NULL,
	"linked_by" text NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_by" text,
	"unlinked_at" timestamp with time zone,
	"unlink_reason" text
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"sector" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"area_code" text NOT NULL,
	"served_areas" text[] NOT NULL,
	"budget" numeric(16, 2) NOT NULL,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"outputs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programmes_scope_idx" ON "programmes" USING btree ("sector","area_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "project_links_household_key" ON "project_links" USING btree ("project_id","household_id") WHERE "project_links"."unlinked_at" is null and "project_links"."household_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "project_links_village_key" ON "project_links" USING btree ("project_id","village_code") WHERE "project_links"."unlinked_at" is null and "project_links"."household_id" is null;--> statement-breakpoint
CREATE INDEX "project_links_household_idx" ON "project_links" USING btree ("household_id","sector") WHERE "project_links"."unlinked_at" is null;--> statement-breakpoint
CREATE INDEX "project_links_village_idx" ON "project_links" USING btree ("village_code","sector") WHERE "project_links"."unlinked_at" is null;--> statement-breakpoint
CREATE INDEX "projects_scope_idx" ON "projects" USING btree ("area_code" text_pattern_ops,"sector");--> statement-breakpoint
CREATE INDEX "projects_programme_idx" ON "projects" USING btree ("programme_id");