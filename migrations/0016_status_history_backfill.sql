-- The register's history begins with the households already registered: one event for
-- their registration (dated by the first identification date) and, for households that
-- have exited, one for the exit (dated the last day of the exit year). The seeder runs
-- this file again after a bulk load: it adds events only where a household has none.
INSERT INTO "status_events" ("id", "subject_type", "household_id", "village_code", "from_status", "to_status", "from_stage", "to_stage", "reason", "effective_date", "actor")
SELECT gen_random_uuid(), 'HOUSEHOLD', h."id", h."village_code", NULL, CASE WHEN h."status" IN ('1', '4') THEN '0' ELSE h."status" END, NULL, h."stage",
       'registered before the register kept its history', coalesce(h."first_identified_date", h."created_at"::date), 'backfill'
FROM "households" h
WHERE NOT EXISTS (SELECT 1 FROM "status_events" e WHERE e."household_id" = h."id");
--> statement-breakpoint
INSERT INTO "status_events" ("id", "subject_type", "household_id", "village_code", "from_status", "to_status", "from_stage", "to_stage", "reason", "effective_date", "actor")
SELECT gen_random_uuid(), 'HOUSEHOLD', h."id", h."village_code", '0', h."status", h."stage", h."stage",
       'exited before the register kept its history', make_date(coalesce(h."exit_year", extract(year from h."created_at")::int), 12, 31), 'backfill'
FROM "households" h
WHERE h."status" IN ('1', '4')
  AND NOT EXISTS (SELECT 1 FROM "status_events" e WHERE e."household_id" = h."id" AND e."to_status" = h."status");
