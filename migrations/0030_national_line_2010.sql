-- The national line of 2010 (2,300 yuan at 2010 prices, the base of the 2011-2020 lines), as the reference gives it (issue 15, item 1).
INSERT INTO "poverty_lines" ("area_code", "year", "yuan", "verified", "note", "updated_by") VALUES
('', 2010, 2300, true, 'reference figure (2010 prices, the base of the 2011-2020 national lines)', 'migration')
ON CONFLICT DO NOTHING;
