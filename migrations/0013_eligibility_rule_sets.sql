CREATE TABLE "eligibility_rule_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"description" text,
	"definition" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"activated_by" text,
	"activated_at" timestamp with time zone,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_rule_sets_name_version_key" ON "eligibility_rule_sets" USING btree ("name","version");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_rule_sets_one_active" ON "eligibility_rule_sets" USING btree ("status") WHERE status = 'ACTIVE';--> statement-breakpoint
INSERT INTO "eligibility_rule_sets" ("id", "name", "version", "status", "description", "definition", "created_by", "activated_by", "activated_at") VALUES
('00000000-0000-4000-8000-000000002014', 'national-2014', 1, 'ACTIVE', 'National 2014 standard: per-capita net income not above the national line of the year, or a failing 两不愁三保障 guarantee.',
'{"incomeTest":{"multipleOfLine":1},"guarantees":[{"code":"SAFE_HOUSING","label":"住房安全有保障 safe housing: not a dilapidated house","fact":"dilapidatedHouse","failsWhen":{"op":"eq","value":true}},{"code":"SAFE_WATER","label":"饮水安全有保障 safe drinking water","fact":"drinkingWaterSafe","failsWhen":{"op":"eq","value":false}},{"code":"COMPULSORY_EDUCATION","label":"义务教育有保障 no child aged 6–15 out of school","fact":"childrenOutOfSchool","failsWhen":{"op":"gt","value":0}},{"code":"BASIC_MEDICAL","label":"基本医疗有保障 every member has basic medical insurance","fact":"uninsuredMembers","failsWhen":{"op":"gt","value":0}}],"proxyMeans":null,"combine":"ANY"}'::jsonb, 'migration', 'migration', now())
ON CONFLICT DO NOTHING;
