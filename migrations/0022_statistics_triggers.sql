-- Maintained aggregates for statistics (issue 10; tables in server/src/db/schema/statistics.ts).
-- Statement-level AFTER triggers with transition tables: each statement that writes
-- households, members, yearly records, status events or monitoring cases adds its
-- delta to the aggregates in the same transaction (a COPY of 5,000 rows is one delta).
-- Deltas are grouped by key and applied in key order, so concurrent writers take the
-- aggregate rows' locks in the same order. At the end the aggregates are filled from the
-- rows already there. Members, yearly records and monitoring cases take their household's
-- key (status, stage…) from households; when that key changes, the households trigger
-- moves them.
CREATE FUNCTION stat_households_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS sign FROM new_rows)
  INSERT INTO stat_households AS s (village_code, status, stage, attribute, main_cause, households, people)
    SELECT village_code, status, stage, attribute, main_cause, sum(sign), sum(sign * member_count)
    FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 OR sum(sign * member_count) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, status, stage, attribute, main_cause)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  WITH d AS (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, 1 AS sign FROM new_rows)
  INSERT INTO stat_other_causes AS s (village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT village_code, status, stage, attribute, main_cause, oc, sum(sign), sum(sign * member_count)
    FROM d, unnest(other_causes) AS oc GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0 OR sum(sign * member_count) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (village_code, status, stage, attribute, main_cause, other_cause)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_households_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT n.id, n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count, 1 AS sign
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count)
      UNION ALL
      SELECT o.id, o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count, -1
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count))
  INSERT INTO stat_households AS s (village_code, status, stage, attribute, main_cause, households, people)
    SELECT village_code, status, stage, attribute, main_cause, sum(sign), sum(sign * member_count)
    FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 OR sum(sign * member_count) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, status, stage, attribute, main_cause)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  WITH d AS (SELECT n.id, n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count, 1 AS sign
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count)
      UNION ALL
      SELECT o.id, o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count, -1
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count))
  INSERT INTO stat_other_causes AS s (village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT village_code, status, stage, attribute, main_cause, oc, sum(sign), sum(sign * member_count)
    FROM d, unnest(other_causes) AS oc GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0 OR sum(sign * member_count) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (village_code, status, stage, attribute, main_cause, other_cause)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  -- Members and yearly records follow their household's key.
  WITH d AS (SELECT n.id, n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count, 1 AS sign
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count)
      UNION ALL
      SELECT o.id, o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count, -1
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count))
  INSERT INTO stat_members AS s (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year, people)
    SELECT d.village_code, d.status, d.stage, d.attribute, d.main_cause, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int, sum(d.sign)
    FROM d JOIN members m ON m.household_id = d.id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year)
    DO UPDATE SET people = s.people + excluded.people;
  WITH d AS (SELECT n.id, n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count, 1 AS sign
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count)
      UNION ALL
      SELECT o.id, o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count, -1
      FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE (o.village_code, o.status, o.stage, o.attribute, o.main_cause, o.other_causes, o.member_count) IS DISTINCT FROM (n.village_code, n.status, n.stage, n.attribute, n.main_cause, n.other_causes, n.member_count))
  INSERT INTO stat_income AS s (village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT d.village_code, y.year, d.stage, d.status, (floor(y.per_capita_net_income / 100) * 100)::int, sum(d.sign), sum(d.sign * y.member_count), sum(d.sign * y.per_capita_net_income)
    FROM d JOIN household_years y ON y.household_id = d.id
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(d.sign) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, stage, status, bucket)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_households_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH d AS (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS sign FROM old_rows)
  INSERT INTO stat_households AS s (village_code, status, stage, attribute, main_cause, households, people)
    SELECT village_code, status, stage, attribute, main_cause, sum(sign), sum(sign * member_count)
    FROM d GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0 OR sum(sign * member_count) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, status, stage, attribute, main_cause)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  WITH d AS (SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, -1 AS sign FROM old_rows)
  INSERT INTO stat_other_causes AS s (village_code, status, stage, attribute, main_cause, other_cause, households, people)
    SELECT village_code, status, stage, attribute, main_cause, oc, sum(sign), sum(sign * member_count)
    FROM d, unnest(other_causes) AS oc GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0 OR sum(sign * member_count) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (village_code, status, stage, attribute, main_cause, other_cause)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_households_ins AFTER INSERT ON households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_households_upd AFTER UPDATE ON households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_upd_trg();
--> statement-breakpoint
CREATE TRIGGER stat_households_del AFTER DELETE ON households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_households_del_trg();
--> statement-breakpoint
CREATE FUNCTION stat_members_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_members AS s (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year, people)
    SELECT h.village_code, h.status, h.stage, h.attribute, h.main_cause, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int, count(*)
    FROM new_rows m JOIN households h ON h.id = m.household_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year)
    DO UPDATE SET people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_members_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_members AS s (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year, people)
    SELECT h.village_code, h.status, h.stage, h.attribute, h.main_cause, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int, -count(*)
    FROM old_rows m JOIN households h ON h.id = m.household_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year)
    DO UPDATE SET people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_members_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_members AS s (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year, people)
    SELECT h.village_code, h.status, h.stage, h.attribute, h.main_cause, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int, -count(*)
    FROM old_rows m JOIN households h ON h.id = m.household_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year)
    DO UPDATE SET people = s.people + excluded.people;
  INSERT INTO stat_members AS s (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year, people)
    SELECT h.village_code, h.status, h.stage, h.attribute, h.main_cause, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int, count(*)
    FROM new_rows m JOIN households h ON h.id = m.household_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year)
    DO UPDATE SET people = s.people + excluded.people;
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
  INSERT INTO stat_income AS s (village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int, count(*), sum(y.member_count), sum(y.per_capita_net_income)
    FROM new_rows y JOIN households h ON h.id = y.household_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, stage, status, bucket)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_income_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_income AS s (village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int, -count(*), -sum(y.member_count), -sum(y.per_capita_net_income)
    FROM old_rows y JOIN households h ON h.id = y.household_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, stage, status, bucket)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_income_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_income AS s (village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int, -count(*), -sum(y.member_count), -sum(y.per_capita_net_income)
    FROM old_rows y JOIN households h ON h.id = y.household_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, stage, status, bucket)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
  INSERT INTO stat_income AS s (village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int, count(*), sum(y.member_count), sum(y.per_capita_net_income)
    FROM new_rows y JOIN households h ON h.id = y.household_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (village_code, year, stage, status, bucket)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people, income_sum = s.income_sum + excluded.income_sum;
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
  INSERT INTO stat_transitions AS s (village_code, year, from_stage, from_status, to_stage, to_status, households, people)
    SELECT e.village_code, extract(year FROM e.effective_date)::int,
      CASE WHEN e.from_status IS NULL THEN '' ELSE coalesce(e.from_stage, 'REGISTERED') END,
      coalesce(e.from_status, ''), coalesce(e.to_stage, 'REGISTERED'), e.to_status, count(*), coalesce(sum(h.member_count), 0)
    FROM new_rows e LEFT JOIN households h ON h.id = e.household_id
    WHERE e.subject_type = 'HOUSEHOLD'
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (village_code, year, from_stage, from_status, to_stage, to_status)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_transitions_ins AFTER INSERT ON status_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_transitions_ins_trg();
--> statement-breakpoint
CREATE FUNCTION stat_monitoring_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monitoring AS s (village_code, kind, status, households, people)
    SELECT c.village_code, c.kind, c.status, count(*), coalesce(sum(h.member_count), 0)
    FROM new_rows c LEFT JOIN households h ON h.id = c.household_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, kind, status)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_monitoring_del_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monitoring AS s (village_code, kind, status, households, people)
    SELECT c.village_code, c.kind, c.status, -count(*), -coalesce(sum(h.member_count), 0)
    FROM old_rows c LEFT JOIN households h ON h.id = c.household_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, kind, status)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_monitoring_upd_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stat_monitoring AS s (village_code, kind, status, households, people)
    SELECT c.village_code, c.kind, c.status, -count(*), -coalesce(sum(h.member_count), 0)
    FROM old_rows c LEFT JOIN households h ON h.id = c.household_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, kind, status)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  INSERT INTO stat_monitoring AS s (village_code, kind, status, households, people)
    SELECT c.village_code, c.kind, c.status, count(*), coalesce(sum(h.member_count), 0)
    FROM new_rows c LEFT JOIN households h ON h.id = c.household_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (village_code, kind, status)
    DO UPDATE SET households = s.households + excluded.households, people = s.people + excluded.people;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER stat_monitoring_ins AFTER INSERT ON monitoring_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_monitoring_ins_trg();
--> statement-breakpoint
CREATE TRIGGER stat_monitoring_del AFTER DELETE ON monitoring_cases REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_monitoring_del_trg();
--> statement-breakpoint
CREATE TRIGGER stat_monitoring_upd AFTER UPDATE ON monitoring_cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stat_monitoring_upd_trg();
--> statement-breakpoint
INSERT INTO stat_households (village_code, status, stage, attribute, main_cause, households, people)
  SELECT village_code, status, stage, attribute, main_cause, count(*), sum(member_count) FROM households GROUP BY 1, 2, 3, 4, 5;
--> statement-breakpoint
INSERT INTO stat_other_causes (village_code, status, stage, attribute, main_cause, other_cause, households, people)
  SELECT village_code, status, stage, attribute, main_cause, oc, count(*), sum(member_count) FROM households, unnest(other_causes) AS oc GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
  INSERT INTO stat_members AS s (village_code, status, stage, attribute, main_cause, ethnicity, sex, birth_year, people)
    SELECT h.village_code, h.status, h.stage, h.attribute, h.main_cause, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int, count(*)
    FROM members m JOIN households h ON h.id = m.household_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
;
--> statement-breakpoint
  INSERT INTO stat_income AS s (village_code, year, stage, status, bucket, households, people, income_sum)
    SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int, count(*), sum(y.member_count), sum(y.per_capita_net_income)
    FROM household_years y JOIN households h ON h.id = y.household_id
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5;
--> statement-breakpoint
  INSERT INTO stat_transitions (village_code, year, from_stage, from_status, to_stage, to_status, households, people)
    SELECT e.village_code, extract(year FROM e.effective_date)::int,
      CASE WHEN e.from_status IS NULL THEN '' ELSE coalesce(e.from_stage, 'REGISTERED') END,
      coalesce(e.from_status, ''), coalesce(e.to_stage, 'REGISTERED'), e.to_status, count(*), coalesce(sum(h.member_count), 0)
    FROM status_events e LEFT JOIN households h ON h.id = e.household_id
    WHERE e.subject_type = 'HOUSEHOLD'
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
  INSERT INTO stat_monitoring AS s (village_code, kind, status, households, people)
    SELECT c.village_code, c.kind, c.status, count(*), coalesce(sum(h.member_count), 0)
    FROM monitoring_cases c LEFT JOIN households h ON h.id = c.household_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
