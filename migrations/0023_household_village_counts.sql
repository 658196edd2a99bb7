CREATE TABLE "household_village_counts" (
	"village_code" text PRIMARY KEY NOT NULL,
	"households" integer NOT NULL
);
--> statement-breakpoint
-- Maintained in the writing transaction by statement-level triggers: one upsert per village a
-- statement touches, in village order (COPY fires them too). An UPDATE writes only when a
-- household changed village, so status changes and yearly records never touch the counts.
CREATE FUNCTION "household_village_counts_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "household_village_counts" AS c ("village_code", "households")
  SELECT "village_code", count(*)::int FROM "new_rows" GROUP BY "village_code" ORDER BY "village_code"
  ON CONFLICT ("village_code") DO UPDATE SET "households" = c."households" + excluded."households";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "household_village_counts_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "household_village_counts" AS c ("village_code", "households")
  SELECT "village_code", -count(*)::int FROM "old_rows" GROUP BY "village_code" ORDER BY "village_code"
  ON CONFLICT ("village_code") DO UPDATE SET "households" = c."households" + excluded."households";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "household_village_counts_moved"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "household_village_counts" AS c ("village_code", "households")
  SELECT d."village_code", sum(d."n")::int FROM (
    SELECT o."village_code", -1 AS "n" FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE n."village_code" <> o."village_code"
    UNION ALL
    SELECT n."village_code", 1 FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id" WHERE n."village_code" <> o."village_code"
  ) d GROUP BY d."village_code" ORDER BY d."village_code"
  ON CONFLICT ("village_code") DO UPDATE SET "households" = c."households" + excluded."households";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "households_counted_insert" AFTER INSERT ON "households" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "household_village_counts_inserted"();
--> statement-breakpoint
CREATE TRIGGER "households_counted_delete" AFTER DELETE ON "households" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "household_village_counts_deleted"();
--> statement-breakpoint
CREATE TRIGGER "households_counted_update" AFTER UPDATE ON "households" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "household_village_counts_moved"();
--> statement-breakpoint
INSERT INTO "household_village_counts" ("village_code", "households")
SELECT "village_code", count(*)::int FROM "households" GROUP BY "village_code";
