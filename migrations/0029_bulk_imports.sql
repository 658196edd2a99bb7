CREATE TABLE "import_chunks" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_chunks_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_hash" text,
	"area_code" text NOT NULL,
	"actor" text NOT NULL,
	"file_name" text,
	"format" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"report" jsonb,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_chunks" ADD CONSTRAINT "import_chunks_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_jobs_file_key" ON "import_jobs" USING btree ("file_hash","area_code") WHERE "import_jobs"."file_hash" is not null;--> statement-breakpoint
CREATE INDEX "import_jobs_area_idx" ON "import_jobs" USING btree ("area_code" text_pattern_ops);