ALTER TABLE "quotas" ADD COLUMN "used" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "quotas" q SET "used" = (SELECT coalesce(sum(u."people"), 0) FROM "quota_uses" u WHERE u."year" = q."year" AND u."released_at" IS NULL AND u."village_code" LIKE q."area_code" || '%');
