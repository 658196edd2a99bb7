DROP INDEX "change_events_scope_idx";--> statement-breakpoint
CREATE INDEX "change_events_order_idx" ON "change_events" USING btree ("tx_id","id");--> statement-breakpoint
CREATE INDEX "change_events_scope_idx" ON "change_events" USING btree ("area_code" text_pattern_ops,"tx_id","id");