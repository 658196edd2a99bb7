ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_training_min_age" smallint DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_training_max_age" smallint DEFAULT 59 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_secondary_min_age" smallint DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_secondary_max_age" smallint DEFAULT 22 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_higher_min_age" smallint DEFAULT 16 NOT NULL;--> statement-breakpoint
ALTER TABLE "assistance_limits" ADD COLUMN "rain_dew_higher_max_age" smallint DEFAULT 30 NOT NULL;