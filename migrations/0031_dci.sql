CREATE TABLE "dci_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"action" text NOT NULL,
	"body" jsonb NOT NULL,
	"correlation_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dci_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"areas" text[] NOT NULL,
	"sector" text,
	"public_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dci_subscriptions" (
	"code" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"role" text NOT NULL,
	"areas" text[] NOT NULL,
	"sector" text,
	"sender_id" text NOT NULL,
	"notify_uri" text,
	"transaction_id" text NOT NULL,
	"event_type" text NOT NULL,
	"change_types" text[] NOT NULL,
	"filter" jsonb,
	"status" text DEFAULT 'subscribe' NOT NULL,
	"position_tx_id" bigint DEFAULT (pg_snapshot_xmin(pg_current_snapshot())::text)::bigint NOT NULL,
	"position_id" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dci_transactions" (
	"correlation_id" text PRIMARY KEY NOT NULL,
	"transaction_id" text NOT NULL,
	"message_id" text NOT NULL,
	"owner" text NOT NULL,
	"sender_id" text NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"reference_ids" text[] NOT NULL,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "id_hash" text;--> statement-breakpoint
CREATE INDEX "dci_callbacks_due_idx" ON "dci_callbacks" USING btree ("next_at") WHERE "dci_callbacks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "dci_subscriptions_owner_idx" ON "dci_subscriptions" USING btree ("owner");--> statement-breakpoint
CREATE INDEX "dci_subscriptions_feed_idx" ON "dci_subscriptions" USING btree ("position_tx_id") WHERE "dci_subscriptions"."status" = 'subscribe' and "dci_subscriptions"."notify_uri" is not null;--> statement-breakpoint
CREATE INDEX "dci_transactions_owner_txn_idx" ON "dci_transactions" USING btree ("owner","transaction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dci_transactions_message_key" ON "dci_transactions" USING btree ("owner","message_id");--> statement-breakpoint
CREATE INDEX "members_id_hash_idx" ON "members" USING btree ("id_hash");