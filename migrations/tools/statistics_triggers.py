"""Writes migrations/0022_statistics_triggers.sql: the triggers that keep the statistics
aggregates (server/src/db/schema/statistics.ts) current. Run: python3 migrations/tools/statistics_triggers.py
Each aggregate is one upsert of a delta `d` (rows with village_code, the keys and signed
values), kept at two levels: the village (5) and its township (4)."""
import os

def upsert(table, keys, sums, d, having):
    cols = ", ".join(["level", "village_code"] + keys + [c for c, _ in sums])
    sel = ", ".join(["lv.level", "lv.code"] + [f"d.{k}" for k in keys] + [f"sum({e})" for _, e in sums])
    grp = ", ".join(str(i) for i in range(1, len(keys) + 3))
    conflict = ", ".join(["level", "village_code"] + keys)
    sets = ", ".join(f"{c} = s.{c} + excluded.{c}" for c, _ in sums)
    return f"""  INSERT INTO {table} AS s ({cols})
    SELECT {sel}
    FROM ({d}) d CROSS JOIN LATERAL (VALUES (5::smallint, d.village_code), (4::smallint, substr(d.village_code, 1, 9))) AS lv(level, code)
    GROUP BY {grp} HAVING {having} ORDER BY {grp}
  ON CONFLICT ({conflict}) DO UPDATE SET {sets};
"""

def fill(stmt):
    """The same upsert as a plain insert into an empty table (the migration's backfill)."""
    return stmt.split("  ON CONFLICT")[0].rstrip() + ";\n--> statement-breakpoint\n"

def fn(name, body):
    return f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}  RETURN NULL;\nEND $$;\n--> statement-breakpoint\n"

def trg(name, table, event, func, refs):
    return f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {func}();\n--> statement-breakpoint\n"

NEW, OLD, BOTH = "NEW TABLE AS new_rows", "OLD TABLE AS old_rows", "OLD TABLE AS old_rows NEW TABLE AS new_rows"
def union(parts, row):
    return "\n      UNION ALL\n      ".join(row(sign, rows) for sign, rows in parts)

def triple(base, table, parts_of, body):
    """Insert, delete and update triggers on `table` running `body(parts)`."""
    out = fn(f"{base}_ins_trg", body([("1", "new_rows")]))
    out += fn(f"{base}_del_trg", body([("-1", "old_rows")]))
    out += fn(f"{base}_upd_trg", body([("-1", "old_rows"), ("1", "new_rows")]))
    out += trg(f"{base}_ins", table, "INSERT", f"{base}_ins_trg", NEW)
    out += trg(f"{base}_del", table, "DELETE", f"{base}_del_trg", OLD)
    out += trg(f"{base}_upd", table, "UPDATE", f"{base}_upd_trg", BOTH)
    return out

HH_KEYS = ["status", "stage", "attribute", "main_cause"]
HH_SUMS = [("households", "d.n"), ("people", "d.p")]
HAVING = "sum(d.n) <> 0 OR sum(d.p) <> 0"

# Households: the delta of a statement is its new rows minus its old rows, grouped by
# household and key, keeping only what changed (a hash aggregate, no join of old and new).
def hh_delta(parts):
    rows = union(parts, lambda sign, r: f"SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, {sign} AS n FROM {r}")
    return f"""SELECT id, village_code, status, stage, attribute, main_cause, other_causes, member_count, sum(n) AS n
      FROM ({rows}) x GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0"""

def households_body(parts, moves):
    delta = hh_delta(parts)
    body = upsert("stat_households", HH_KEYS, HH_SUMS, f"SELECT village_code, {', '.join(HH_KEYS)}, n, n * member_count AS p FROM ({delta}) h", HAVING)
    body += upsert("stat_other_causes", HH_KEYS + ["other_cause"], HH_SUMS,
                   f"SELECT village_code, {', '.join(HH_KEYS)}, oc AS other_cause, n, n * member_count AS p FROM ({delta}) h, unnest(h.other_causes) AS oc", HAVING)
    if moves:
        body += "  -- Members and yearly records take their household's key: move them when it changes.\n"
        body += upsert("stat_members", ["status", "stage", "ethnicity", "sex", "birth_year"], [("people", "d.n")],
                       f"SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, h.n FROM ({delta}) h JOIN members m ON m.household_id = h.id",
                       "sum(d.n) <> 0")
        body += upsert("stat_income", ["year", "stage", "status", "bucket"], [("households", "d.n"), ("people", "d.p"), ("income_sum", "d.i")],
                       f"SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, h.n, h.n * y.member_count AS p, h.n * y.per_capita_net_income AS i FROM ({delta}) h JOIN household_years y ON y.household_id = h.id",
                       "sum(d.n) <> 0")
    return body

out = """-- Maintained aggregates for statistics (issue 10; tables in server/src/db/schema/statistics.ts),
-- written by migrations/tools/statistics_triggers.py. Statement-level AFTER triggers with
-- transition tables: each statement that writes households, members, yearly records, status
-- events, monitoring cases, measures, pairings or project links adds its delta to the
-- aggregates in the same transaction (a COPY of 5,000 rows is one delta), per village and
-- per township. Deltas are grouped by key and applied in key order, so concurrent writers
-- take the aggregate rows' locks in the same order. At the end the aggregates are filled
-- from the rows already there.
"""
out += fn("stat_households_ins_trg", households_body([("1", "new_rows")], False))
out += fn("stat_households_del_trg", households_body([("-1", "old_rows")], False))
out += fn("stat_households_upd_trg", households_body([("-1", "old_rows"), ("1", "new_rows")], True))
out += trg("stat_households_ins", "households", "INSERT", "stat_households_ins_trg", NEW)
out += trg("stat_households_del", "households", "DELETE", "stat_households_del_trg", OLD)
out += trg("stat_households_upd", "households", "UPDATE", "stat_households_upd_trg", BOTH)

def members_body(parts):
    rows = union(parts, lambda sign, r: f"SELECT h.village_code, h.status, h.stage, m.ethnicity, m.sex, extract(year FROM m.birth_date)::int AS birth_year, {sign} AS n FROM {r} m JOIN households h ON h.id = m.household_id")
    return upsert("stat_members", ["status", "stage", "ethnicity", "sex", "birth_year"], [("people", "d.n")], rows, "sum(d.n) <> 0")
out += triple("stat_members", "members", None, members_body)

def income_body(parts):
    rows = union(parts, lambda sign, r: f"SELECT h.village_code, y.year, h.stage, h.status, (floor(y.per_capita_net_income / 100) * 100)::int AS bucket, {sign} AS n, {sign} * y.member_count AS p, {sign} * y.per_capita_net_income AS i FROM {r} y JOIN households h ON h.id = y.household_id")
    return upsert("stat_income", ["year", "stage", "status", "bucket"], [("households", "d.n"), ("people", "d.p"), ("income_sum", "d.i")], rows, "sum(d.n) <> 0")
out += triple("stat_income", "household_years", None, income_body)

TRANS = lambda r: f"""SELECT e.village_code, extract(year FROM e.effective_date)::int AS year,
        CASE WHEN e.from_status IS NULL THEN '' ELSE coalesce(e.from_stage, 'REGISTERED') END AS from_stage,
        coalesce(e.from_status, '') AS from_status, coalesce(e.to_stage, 'REGISTERED') AS to_stage, e.to_status, 1 AS n, coalesce(h.member_count, 0) AS p
      FROM {r} e LEFT JOIN households h ON h.id = e.household_id WHERE e.subject_type = 'HOUSEHOLD'"""
trans = lambda r: upsert("stat_transitions", ["year", "from_stage", "from_status", "to_stage", "to_status"], HH_SUMS, TRANS(r), HAVING)
out += fn("stat_transitions_ins_trg", trans("new_rows"))
out += trg("stat_transitions_ins", "status_events", "INSERT", "stat_transitions_ins_trg", NEW)

def monitoring_body(parts):
    rows = union(parts, lambda sign, r: f"SELECT c.village_code, c.kind, c.status, {sign} AS n, {sign} * coalesce(h.member_count, 0) AS p FROM {r} c LEFT JOIN households h ON h.id = c.household_id")
    return upsert("stat_monitoring", ["kind", "status"], HH_SUMS, rows, HAVING)
out += triple("stat_monitoring", "monitoring_cases", None, monitoring_body)

MEASURE = lambda sign, r: f"""SELECT village_code, year, kind, status, coalesce(details->'microCredit'->>'status', '') AS loan_status,
        {sign} AS n, {sign} * planned_amount AS planned, {sign} * coalesce(actual_amount, 0) AS actual,
        {sign} * CASE WHEN details ? 'microCredit' THEN (details->'microCredit'->>'principal')::numeric
          - coalesce((SELECT sum((r->>'amount')::numeric) FROM jsonb_array_elements(coalesce(details->'microCredit'->'repayments', '[]'::jsonb)) r), 0)
          - coalesce((details->'microCredit'->'compensation'->>'amount')::numeric, 0) ELSE 0 END AS outstanding,
        {sign} * coalesce((details->'relocation'->>'peopleMoved')::int, 0) AS moved
      FROM {r}"""
MEASURE_SUMS = [("measures", "d.n"), ("planned_amount", "d.planned"), ("actual_amount", "d.actual"), ("loan_outstanding", "d.outstanding"), ("people_moved", "d.moved")]
measures_body = lambda parts: upsert("stat_measures", ["year", "kind", "status", "loan_status"], MEASURE_SUMS, union(parts, MEASURE), "true")
out += triple("stat_measures", "measures", None, measures_body)

pairings_body = lambda parts: upsert("stat_pairings", [], [("households", "d.n")], union(parts, lambda sign, r: f"SELECT village_code, {sign} AS n FROM {r} WHERE ended_on IS NULL"), "sum(d.n) <> 0")
out += triple("stat_pairings", "pairings", None, pairings_body)

LINK = lambda sign, r: f"SELECT village_code, sector, CASE WHEN household_id IS NULL THEN 'VILLAGE' ELSE 'HOUSEHOLD' END AS target, {sign} AS n FROM {r} WHERE unlinked_at IS NULL"
links_body = lambda parts: upsert("stat_links", ["sector", "target"], [("links", "d.n")], union(parts, LINK), "sum(d.n) <> 0")
out += triple("stat_links", "project_links", None, links_body)

# Backfill from the rows already there.
out += fill(households_body([("1", "households")], False).split("--")[0].split("  INSERT INTO stat_other_causes")[0])
out += fill("  INSERT INTO stat_other_causes" + households_body([("1", "households")], False).split("  INSERT INTO stat_other_causes")[1])
out += fill(members_body([("1", "members")]))
out += fill(income_body([("1", "household_years")]))
out += fill(trans("status_events"))
out += fill(monitoring_body([("1", "monitoring_cases")]))
out += fill(measures_body([("1", "measures")]))
out += fill(pairings_body([("1", "pairings")]))
out += fill(links_body([("1", "project_links")])).rstrip().removesuffix("--> statement-breakpoint").rstrip() + "\n"
open(os.path.join(os.path.dirname(__file__), "..", "0022_statistics_triggers.sql"), "w").write(out)
