CREATE TABLE "poverty_lines" (
	"area_code" text NOT NULL,
	"year" integer NOT NULL,
	"yuan" numeric(10, 2) NOT NULL,
	"verified" boolean NOT NULL,
	"note" text,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poverty_lines_area_code_year_pk" PRIMARY KEY("area_code","year")
);--> statement-breakpoint
INSERT INTO "poverty_lines" ("area_code", "year", "yuan", "verified", "note", "updated_by") VALUES
('', 2011, 2536, true, 'reference figure', 'migration'),
('', 2012, 2625, true, 'reference figure', 'migration'),
('', 2013, 2736, true, 'reference figure', 'migration'),
('', 2014, 2800, true, 'reference figure', 'migration'),
('', 2015, 2855, true, 'reference figure', 'migration'),
('', 2016, 2952, true, 'reference figure', 'migration'),
('', 2017, 2952, false, 'reference figure', 'migration'),
('', 2018, 2995, false, 'reference figure', 'migration'),
('', 2019, 3218, false, 'reference figure', 'migration'),
('', 2020, 4000, false, 'reference figure', 'migration')
ON CONFLICT DO NOTHING;
