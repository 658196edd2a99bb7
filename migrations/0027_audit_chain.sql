ALTER TABLE "audit_log" ADD COLUMN "chain" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
CREATE INDEX "audit_chain_idx" ON "audit_log" USING btree ("chain","id");--> statement-breakpoint
-- The audit trail's hash chain (issue 13): one chain per county (an area code's first six digits,
-- or the whole code above county level). audit_row_hash is the one definition of a row's hash,
-- used by the insert trigger and by `jingzhun audit verify`. Times enter as microseconds since
-- the epoch and jsonb as its canonical text, so the hash does not depend on session settings.
CREATE OR REPLACE FUNCTION audit_row_hash(prev text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f', coalesce(prev, ''), r.id::text, (extract(epoch from r.at) * 1000000)::bigint::text,
    r.actor, r.role, r.operation, r.entity_type, r.entity_id, r.area_code, coalesce(r.before::text, 'null'), coalesce(r.after::text, 'null'),
    r.request_id, r.chain), 'UTF8')), 'hex')
$$;--> statement-breakpoint
-- Earlier rows are chained once, in id order.
DO $$
DECLARE r audit_log; last text; cur text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY left(area_code, 6), id LOOP
    IF cur IS DISTINCT FROM left(r.area_code, 6) THEN cur := left(r.area_code, 6); last := NULL; END IF;
    r.chain := cur;
    UPDATE audit_log SET chain = cur, prev_hash = last, hash = audit_row_hash(last, r) WHERE id = r.id RETURNING hash INTO last;
  END LOOP;
END $$;--> statement-breakpoint
-- A new row joins its county's chain. The chain's lock (held to the end of the transaction) orders
-- the writers of one county; the row's id is drawn after it, so ids follow the chain's order.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last text;
BEGIN
  NEW.chain := left(NEW.area_code, 6);
  PERFORM pg_advisory_xact_lock(727002, hashtext(NEW.chain));
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  SELECT hash INTO last FROM audit_log WHERE chain = NEW.chain ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := last;
  NEW.hash := audit_row_hash(last, NEW);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();--> statement-breakpoint
-- Append-only: no role of the application may change or remove what the trail holds.
CREATE OR REPLACE FUNCTION audit_log_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % of audit_log is refused', TG_OP USING ERRCODE = '42501';
END $$;--> statement-breakpoint
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse();--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse();
