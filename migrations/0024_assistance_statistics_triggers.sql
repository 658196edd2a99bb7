-- Maintained aggregates of assistance for statistics (issue 10), like 0022: statement-level
-- triggers with transition tables on measures, pairings and project links, in the writer's
-- transaction; filled at the end from the rows already there.
CREATE FUNCTION stat_measures_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_measures AS s (village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT village_code, year, kind, status, loan_status, sum(n), sum(planned), sum(actual), sum(outstanding), sum(moved)
    FROM (SELECT village_code, year, kind, status,
        coalesce(details->'microCredit'->>'status', '') AS loan_status,
        1 AS n, 1 * planned_amount AS planned, 1 * coalesce(actual_amount, 0) AS actual,
        1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM new_rows) d
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, kind, status, loan_status) DO UPDATE SET
    measures = s.measures + excluded.measures, planned_amount = s.planned_amount + excluded.planned_amount, actual_amount = s.actual_amount + excluded.actual_amount,
    loan_outstanding = s.loan_outstanding + excluded.loan_outstanding, people_moved = s.people_moved + excluded.people_moved;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_measures_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_measures AS s (village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT village_code, year, kind, status, loan_status, sum(n), sum(planned), sum(actual), sum(outstanding), sum(moved)
    FROM (SELECT village_code, year, kind, status,
        coalesce(details->'microCredit'->>'status', '') AS loan_status,
        -1 AS n, -1 * planned_amount AS planned, -1 * coalesce(actual_amount, 0) AS actual,
        -1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        -1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM old_rows) d
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, kind, status, loan_status) DO UPDATE SET
    measures = s.measures + excluded.measures, planned_amount = s.planned_amount + excluded.planned_amount, actual_amount = s.actual_amount + excluded.actual_amount,
    loan_outstanding = s.loan_outstanding + excluded.loan_outstanding, people_moved = s.people_moved + excluded.people_moved;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_measures_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_measures AS s (village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT village_code, year, kind, status, loan_status, sum(n), sum(planned), sum(actual), sum(outstanding), sum(moved)
    FROM (SELECT village_code, year, kind, status,
        coalesce(details->'microCredit'->>'status', '') AS loan_status,
        -1 AS n, -1 * planned_amount AS planned, -1 * coalesce(actual_amount, 0) AS actual,
        -1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        -1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM old_rows
      UNION ALL
      SELECT village_code, year, kind, status,
        coalesce(details->'microCredit'->>'status', '') AS loan_status,
        1 AS n, 1 * planned_amount AS planned, 1 * coalesce(actual_amount, 0) AS actual,
        1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM new_rows) d
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, kind, status, loan_status) DO UPDATE SET
    measures = s.measures + excluded.measures, planned_amount = s.planned_amount + excluded.planned_amount, actual_amount = s.actual_amount + excluded.actual_amount,
    loan_outstanding = s.loan_outstanding + excluded.loan_outstanding, people_moved = s.people_moved + excluded.people_moved;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_measures_ins AFTER INSERT ON measures REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_measures_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_measures_del AFTER DELETE ON measures REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_measures_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_measures_upd AFTER UPDATE ON measures REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_measures_upd_trg();
--> statement-breakpoint
CREATE FUNCTION stat_pairings_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_pairings AS s (village_code, households)
    SELECT village_code, sum(n) FROM (SELECT village_code, 1 AS n FROM new_rows WHERE ended_on IS NULL) d GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1
  ON CONFLICT (village_code) DO UPDATE SET households = s.households + excluded.households;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_pairings_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_pairings AS s (village_code, households)
    SELECT village_code, sum(n) FROM (SELECT village_code, -1 AS n FROM old_rows WHERE ended_on IS NULL) d GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1
  ON CONFLICT (village_code) DO UPDATE SET households = s.households + excluded.households;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_pairings_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_pairings AS s (village_code, households)
    SELECT village_code, sum(n) FROM (SELECT village_code, -1 AS n FROM old_rows WHERE ended_on IS NULL
      UNION ALL
      SELECT village_code, 1 AS n FROM new_rows WHERE ended_on IS NULL) d GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1
  ON CONFLICT (village_code) DO UPDATE SET households = s.households + excluded.households;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_pairings_ins AFTER INSERT ON pairings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_pairings_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_pairings_del AFTER DELETE ON pairings REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_pairings_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_pairings_upd AFTER UPDATE ON pairings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_pairings_upd_trg();
--> statement-breakpoint
CREATE FUNCTION stat_links_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_links AS s (village_code, sector, target, links)
    SELECT village_code, sector, target, sum(n) FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, 1 AS n FROM new_rows WHERE unlinked_at IS NULL) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, sector, target) DO UPDATE SET links = s.links + excluded.links;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_links_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_links AS s (village_code, sector, target, links)
    SELECT village_code, sector, target, sum(n) FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, -1 AS n FROM old_rows WHERE unlinked_at IS NULL) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, sector, target) DO UPDATE SET links = s.links + excluded.links;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_links_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_links AS s (village_code, sector, target, links)
    SELECT village_code, sector, target, sum(n) FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, -1 AS n FROM old_rows WHERE unlinked_at IS NULL
      UNION ALL
      SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, 1 AS n FROM new_rows WHERE unlinked_at IS NULL) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, sector, target) DO UPDATE SET links = s.links + excluded.links;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_links_ins AFTER INSERT ON project_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_links_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_links_del AFTER DELETE ON project_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_links_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_links_upd AFTER UPDATE ON project_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_links_upd_trg();
--> statement-breakpoint
  INSERT INTO stat_measures AS s (village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT village_code, year, kind, status, loan_status, sum(n), sum(planned), sum(actual), sum(outstanding), sum(moved)
    FROM (SELECT village_code, year, kind, status,
        coalesce(details->'microCredit'->>'status', '') AS loan_status,
        1 AS n, 1 * planned_amount AS planned, 1 * coalesce(actual_amount, 0) AS actual,
        1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM measures) d
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
--> statement-breakpoint
  INSERT INTO stat_pairings AS s (village_code, households)
    SELECT village_code, sum(n) FROM (SELECT village_code, 1 AS n FROM pairings WHERE ended_on IS NULL) d GROUP BY 1 HAVING sum(n) <> 0 ORDER BY 1;
--> statement-breakpoint
  INSERT INTO stat_links AS s (village_code, sector, target, links)
    SELECT village_code, sector, target, sum(n) FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, 1 AS n FROM project_links WHERE unlinked_at IS NULL) d GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3;
