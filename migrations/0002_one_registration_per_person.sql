DROP INDEX "members_id_number_key";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "resident_id" text;--> statement-breakpoint
UPDATE "members" SET "resident_id" = left("id_number", 18);--> statement-breakpoint
ALTER TABLE "members" ALTER COLUMN "resident_id" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "members_resident_id_key" ON "members" USING btree ("resident_id");
