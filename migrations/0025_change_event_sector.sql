ALTER TABLE "change_events" ADD COLUMN "sector" text;--> statement-breakpoint
-- Earlier events of programmes, projects and beneficiary links take their record's sector.
-- entity_id is the record's global ID: base64url of "Type:uuid".
WITH decoded AS (
  SELECT id, entity_type, split_part(convert_from(decode(rpad(translate(entity_id, '-_', '+/'), ((length(entity_id) + 3) / 4) * 4, '='), 'base64'), 'UTF8'), ':', 2)::uuid AS key
  FROM change_events WHERE entity_type IN ('Programme', 'Project', 'ProjectLink') AND sector IS NULL
), owned AS (
  SELECT d.id, coalesce(g.sector, j.sector, l.sector) AS sector FROM decoded d
  LEFT JOIN programmes g ON d.entity_type = 'Programme' AND g.id = d.key
  LEFT JOIN projects j ON d.entity_type = 'Project' AND j.id = d.key
  LEFT JOIN project_links l ON d.entity_type = 'ProjectLink' AND l.id = d.key
)
UPDATE change_events e SET sector = owned.sector FROM owned WHERE e.id = owned.id AND owned.sector IS NOT NULL;
