ALTER TABLE "cases" DROP CONSTRAINT "cases_source_check";--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_source_format_check" CHECK ("cases"."source" ~ '^[a-z][a-z_]{0,39}$');