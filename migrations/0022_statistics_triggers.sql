-- Maintained aggregates for statistics (issue 10; tables in server/src/db/schema/statistics.ts),
-- written by migrations/tools/statistics_triggers.py. Statement-level AFTER triggers with
-- transition tables: each statement that writes households, members, yearly records, status
-- events, monitoring cases, measures, pairings or project links adds its delta to the
-- aggregates in the same transaction (a COPY of 5,000 rows is one delta), per village and
-- per township. Deltas are grouped by key and applied in key order, so concurrent writers
-- take the aggregate rows' locks in the same order. At the end the aggregates are filled
-- from the rows already there.
CREATE FUNCTION stat_households_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_households AS s (level, village_code, status, stage, attribute, main_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM new_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, status, stage, attribute, main_cause) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  INSERT INTO stat_other_causes AS s (level, village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, d.other_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, oc AS other_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM new_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h, unnest(h.other_causes) AS oc) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, attribute, main_cause, other_cause) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_households_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_households AS s (level, village_code, status, stage, attribute, main_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS n FROM old_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, status, stage, attribute, main_cause) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  INSERT INTO stat_other_causes AS s (level, village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, d.other_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, oc AS other_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS n FROM old_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h, unnest(h.other_causes) AS oc) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, attribute, main_cause, other_cause) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_households_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_households AS s (level, village_code, status, stage, attribute, main_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS n FROM old_rows
      UNION ALL
      SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM new_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, status, stage, attribute, main_cause) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  INSERT INTO stat_other_causes AS s (level, village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, d.other_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, oc AS other_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS n FROM old_rows
      UNION ALL
      SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM new_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h, unnest(h.other_causes) AS oc) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, attribute, main_cause, other_cause) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  -- Members and yearly records take their household's key: move them when it changes.
  INSERT INTO stat_members AS s (level, village_code, status, stage, ethnicity, sex, birth_year, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.ethnicity, d.sex, d.birth_year, sum(d.n)
    FROM (SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, h.n FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS n FROM old_rows
      UNION ALL
      SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM new_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h JOIN members m ON m.household_id = h.id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, ethnicity, sex, birth_year) DO UPDATE SET people = s.people + excluded.people;
  INSERT INTO stat_income AS s (level, village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT lv.level, lv.code, d.year, d.stage, d.status, d.bucket, sum(d.n), sum(d.p), sum(d.i)
    FROM (SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, h.n, h.n * y.member_count AS p, h.n * y.per_capita_net_income AS i FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS n FROM old_rows
      UNION ALL
      SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM new_rows) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h JOIN household_years y ON y.household_id = h.id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, stage, status, bucket) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_households_ins AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_households_del AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_households_upd AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_upd_trg();
--> statement-breakpoint
CREATE FUNCTION stat_members_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_members AS s (level, village_code, status, stage, ethnicity, sex, birth_year, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.ethnicity, d.sex, d.birth_year, sum(d.n)
    FROM (SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, 1 AS n FROM new_rows m JOIN households h ON h.id = m.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, ethnicity, sex, birth_year) DO UPDATE SET people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_members_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_members AS s (level, village_code, status, stage, ethnicity, sex, birth_year, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.ethnicity, d.sex, d.birth_year, sum(d.n)
    FROM (SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, -1 AS n FROM old_rows m JOIN households h ON h.id = m.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, ethnicity, sex, birth_year) DO UPDATE SET people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_members_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_members AS s (level, village_code, status, stage, ethnicity, sex, birth_year, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.ethnicity, d.sex, d.birth_year, sum(d.n)
    FROM (SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, -1 AS n FROM old_rows m JOIN households h ON h.id = m.household_id
      UNION ALL
      SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, 1 AS n FROM new_rows m JOIN households h ON h.id = m.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, status, stage, ethnicity, sex, birth_year) DO UPDATE SET people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_members_ins AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_members_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_members_del AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_members_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_members_upd AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_members_upd_trg();
--> statement-breakpoint
CREATE FUNCTION stat_income_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_income AS s (level, village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT lv.level, lv.code, d.year, d.stage, d.status, d.bucket, sum(d.n), sum(d.p), sum(d.i)
    FROM (SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, 1 AS n, 1 * y.member_count AS p, 1 * y.per_capita_net_income AS i FROM new_rows y JOIN households h ON h.id = y.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, stage, status, bucket) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_income_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_income AS s (level, village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT lv.level, lv.code, d.year, d.stage, d.status, d.bucket, sum(d.n), sum(d.p), sum(d.i)
    FROM (SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, -1 AS n, -1 * y.member_count AS p, -1 * y.per_capita_net_income AS i FROM old_rows y JOIN households h ON h.id = y.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, stage, status, bucket) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_income_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_income AS s (level, village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT lv.level, lv.code, d.year, d.stage, d.status, d.bucket, sum(d.n), sum(d.p), sum(d.i)
    FROM (SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, -1 AS n, -1 * y.member_count AS p, -1 * y.per_capita_net_income AS i FROM old_rows y JOIN households h ON h.id = y.household_id
      UNION ALL
      SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, 1 AS n, 1 * y.member_count AS p, 1 * y.per_capita_net_income AS i FROM new_rows y JOIN households h ON h.id = y.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, stage, status, bucket) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_income_ins AFTER INSERT ON household_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_income_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_income_del AFTER DELETE ON household_years REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_income_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_income_upd AFTER UPDATE ON household_years REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_income_upd_trg();
--> statement-breakpoint
CREATE FUNCTION stat_transitions_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_transitions AS s (level, village_code, year, from_stage, from_status, to_stage, to_status, households, people)
    SELECT lv.level, lv.code, d.year, d.from_stage, d.from_status, d.to_stage, d.to_status, sum(d.n), sum(d.p)
    FROM (SELECT e.village_code, extract(year FROM e.effective_date)::int AS year,
        CASE WHEN e.from_status IS NULL THEN '' ELSE coalesce(e.from_stage, 'REGISTERED') END AS from_stage,
        coalesce(e.from_status, '') AS from_status, coalesce(e.to_stage, 'REGISTERED') AS to_stage, e.to_status, 1 AS n, coalesce(h.member_count, 0) AS p
      FROM new_rows e LEFT JOIN households h ON h.id = e.household_id WHERE e.subject_type = 'HOUSEHOLD') d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT (level, village_code, year, from_stage, from_status, to_stage, to_status) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_transitions_ins AFTER INSERT ON status_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_transitions_ins_trg();
--> statement-breakpoint
CREATE FUNCTION stat_monitoring_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monitoring AS s (level, village_code, kind, status, households, people)
    SELECT lv.level, lv.code, d.kind, d.status, sum(d.n), sum(d.p)
    FROM (SELECT c.village_code, c.kind, c.status, 1 AS n, 1 * coalesce(h.member_count, 0) AS p FROM new_rows c LEFT JOIN households h ON h.id = c.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, village_code, kind, status) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_monitoring_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monitoring AS s (level, village_code, kind, status, households, people)
    SELECT lv.level, lv.code, d.kind, d.status, sum(d.n), sum(d.p)
    FROM (SELECT c.village_code, c.kind, c.status, -1 AS n, -1 * coalesce(h.member_count, 0) AS p FROM old_rows c LEFT JOIN households h ON h.id = c.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, village_code, kind, status) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_monitoring_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monitoring AS s (level, village_code, kind, status, households, people)
    SELECT lv.level, lv.code, d.kind, d.status, sum(d.n), sum(d.p)
    FROM (SELECT c.village_code, c.kind, c.status, -1 AS n, -1 * coalesce(h.member_count, 0) AS p FROM old_rows c LEFT JOIN households h ON h.id = c.household_id
      UNION ALL
      SELECT c.village_code, c.kind, c.status, 1 AS n, 1 * coalesce(h.member_count, 0) AS p FROM new_rows c LEFT JOIN households h ON h.id = c.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, village_code, kind, status) DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_monitoring_ins AFTER INSERT ON monitoring_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_monitoring_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_monitoring_del AFTER DELETE ON monitoring_cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_monitoring_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_monitoring_upd AFTER UPDATE ON monitoring_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_monitoring_upd_trg();
--> statement-breakpoint
CREATE FUNCTION stat_measures_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_measures AS s (level, village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT lv.level, lv.code, d.year, d.kind, d.status, d.loan_status, sum(d.n), sum(d.planned), sum(d.actual), sum(d.outstanding), sum(d.moved)
    FROM (SELECT village_code, year, kind, status, coalesce(details->'microCredit'->>'status', '') AS loan_status,
        1 AS n, 1 * planned_amount AS planned, 1 * coalesce(actual_amount, 0) AS actual,
        1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM new_rows) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING true ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, kind, status, loan_status) DO UPDATE SET measures = s.measures + excluded.measures, planned_amount = s.planned_amount + excluded.planned_amount, actual_amount = s.actual_amount + excluded.actual_amount, loan_outstanding = s.loan_outstanding + excluded.loan_outstanding, people_moved = s.people_moved + excluded.people_moved;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_measures_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_measures AS s (level, village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT lv.level, lv.code, d.year, d.kind, d.status, d.loan_status, sum(d.n), sum(d.planned), sum(d.actual), sum(d.outstanding), sum(d.moved)
    FROM (SELECT village_code, year, kind, status, coalesce(details->'microCredit'->>'status', '') AS loan_status,
        -1 AS n, -1 * planned_amount AS planned, -1 * coalesce(actual_amount, 0) AS actual,
        -1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        -1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM old_rows) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING true ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, kind, status, loan_status) DO UPDATE SET measures = s.measures + excluded.measures, planned_amount = s.planned_amount + excluded.planned_amount, actual_amount = s.actual_amount + excluded.actual_amount, loan_outstanding = s.loan_outstanding + excluded.loan_outstanding, people_moved = s.people_moved + excluded.people_moved;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_measures_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_measures AS s (level, village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT lv.level, lv.code, d.year, d.kind, d.status, d.loan_status, sum(d.n), sum(d.planned), sum(d.actual), sum(d.outstanding), sum(d.moved)
    FROM (SELECT village_code, year, kind, status, coalesce(details->'microCredit'->>'status', '') AS loan_status,
        -1 AS n, -1 * planned_amount AS planned, -1 * coalesce(actual_amount, 0) AS actual,
        -1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        -1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM old_rows
      UNION ALL
      SELECT village_code, year, kind, status, coalesce(details->'microCredit'->>'status', '') AS loan_status,
        1 AS n, 1 * planned_amount AS planned, 1 * coalesce(actual_amount, 0) AS actual,
        1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM new_rows) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING true ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (level, village_code, year, kind, status, loan_status) DO UPDATE SET measures = s.measures + excluded.measures, planned_amount = s.planned_amount + excluded.planned_amount, actual_amount = s.actual_amount + excluded.actual_amount, loan_outstanding = s.loan_outstanding + excluded.loan_outstanding, people_moved = s.people_moved + excluded.people_moved;
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
  INSERT INTO stat_pairings AS s (level, village_code, households)
    SELECT lv.level, lv.code, sum(d.n)
    FROM (SELECT village_code, 1 AS n FROM new_rows WHERE ended_on IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
  ON CONFLICT (level, village_code) DO UPDATE SET households = s.households + excluded.households;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_pairings_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_pairings AS s (level, village_code, households)
    SELECT lv.level, lv.code, sum(d.n)
    FROM (SELECT village_code, -1 AS n FROM old_rows WHERE ended_on IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
  ON CONFLICT (level, village_code) DO UPDATE SET households = s.households + excluded.households;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_pairings_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_pairings AS s (level, village_code, households)
    SELECT lv.level, lv.code, sum(d.n)
    FROM (SELECT village_code, -1 AS n FROM old_rows WHERE ended_on IS NULL
      UNION ALL
      SELECT village_code, 1 AS n FROM new_rows WHERE ended_on IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
  ON CONFLICT (level, village_code) DO UPDATE SET households = s.households + excluded.households;
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
  INSERT INTO stat_links AS s (level, village_code, sector, target, links)
    SELECT lv.level, lv.code, d.sector, d.target, sum(d.n)
    FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, 1 AS n FROM new_rows WHERE unlinked_at IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, village_code, sector, target) DO UPDATE SET links = s.links + excluded.links;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_links_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_links AS s (level, village_code, sector, target, links)
    SELECT lv.level, lv.code, d.sector, d.target, sum(d.n)
    FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, -1 AS n FROM old_rows WHERE unlinked_at IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, village_code, sector, target) DO UPDATE SET links = s.links + excluded.links;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_links_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_links AS s (level, village_code, sector, target, links)
    SELECT lv.level, lv.code, d.sector, d.target, sum(d.n)
    FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, -1 AS n FROM old_rows WHERE unlinked_at IS NULL
      UNION ALL
      SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, 1 AS n FROM new_rows WHERE unlinked_at IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4
  ON CONFLICT (level, village_code, sector, target) DO UPDATE SET links = s.links + excluded.links;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_links_ins AFTER INSERT ON project_links REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_links_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_links_del AFTER DELETE ON project_links REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_links_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_links_upd AFTER UPDATE ON project_links REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_links_upd_trg();
--> statement-breakpoint
  INSERT INTO stat_households AS s (level, village_code, status, stage, attribute, main_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM households) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
  INSERT INTO stat_other_causes AS s (level, village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.attribute, d.main_cause, d.other_cause, sum(d.n), sum(d.p)
    FROM (SELECT village_code, status, stage, attribute, main_cause, oc AS other_cause, n, n * member_count AS p FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS n FROM households) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0) h, unnest(h.other_causes) AS oc) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
  INSERT INTO stat_members AS s (level, village_code, status, stage, ethnicity, sex, birth_year, people)
    SELECT lv.level, lv.code, d.status, d.stage, d.ethnicity, d.sex, d.birth_year, sum(d.n)
    FROM (SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, 1 AS n FROM members m JOIN households h ON h.id = m.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
  INSERT INTO stat_income AS s (level, village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT lv.level, lv.code, d.year, d.stage, d.status, d.bucket, sum(d.n), sum(d.p), sum(d.i)
    FROM (SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, 1 AS n, 1 * y.member_count AS p, 1 * y.per_capita_net_income AS i FROM household_years y JOIN households h ON h.id = y.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
  INSERT INTO stat_transitions AS s (level, village_code, year, from_stage, from_status, to_stage, to_status, households, people)
    SELECT lv.level, lv.code, d.year, d.from_stage, d.from_status, d.to_stage, d.to_status, sum(d.n), sum(d.p)
    FROM (SELECT e.village_code, extract(year FROM e.effective_date)::int AS year,
        CASE WHEN e.from_status IS NULL THEN '' ELSE coalesce(e.from_stage, 'REGISTERED') END AS from_stage,
        coalesce(e.from_status, '') AS from_status, coalesce(e.to_stage, 'REGISTERED') AS to_stage, e.to_status, 1 AS n, coalesce(h.member_count, 0) AS p
      FROM status_events e LEFT JOIN households h ON h.id = e.household_id WHERE e.subject_type = 'HOUSEHOLD') d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
  INSERT INTO stat_monitoring AS s (level, village_code, kind, status, households, people)
    SELECT lv.level, lv.code, d.kind, d.status, sum(d.n), sum(d.p)
    FROM (SELECT c.village_code, c.kind, c.status, 1 AS n, 1 * coalesce(h.member_count, 0) AS p FROM monitoring_cases c LEFT JOIN households h ON h.id = c.household_id) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 OR sum(d.p) <> 0 ORDER BY 1, 2, 3, 4;
--> statement-breakpoint
  INSERT INTO stat_measures AS s (level, village_code, year, kind, status, loan_status, measures, planned_amount, actual_amount, loan_outstanding, people_moved)
    SELECT lv.level, lv.code, d.year, d.kind, d.status, d.loan_status, sum(d.n), sum(d.planned), sum(d.actual), sum(d.outstanding), sum(d.moved)
    FROM (SELECT village_code, year, kind, status, coalesce(details->'microCredit'->>'status', '') AS loan_status,
        1 AS n, 1 * planned_amount AS planned, 1 * coalesce(actual_amount, 0) AS actual,
        1 * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        1 * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM measures) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4, 5, 6 HAVING true ORDER BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
  INSERT INTO stat_pairings AS s (level, village_code, households)
    SELECT lv.level, lv.code, sum(d.n)
    FROM (SELECT village_code, 1 AS n FROM pairings WHERE ended_on IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2;
--> statement-breakpoint
  INSERT INTO stat_links AS s (level, village_code, sector, target, links)
    SELECT lv.level, lv.code, d.sector, d.target, sum(d.n)
    FROM (SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, 1 AS n FROM project_links WHERE unlinked_at IS NULL) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 2, 3, 4;
