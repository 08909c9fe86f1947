CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"is_working_day" boolean NOT NULL,
	"name" text,
	"source" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_record_approvals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"step_index" integer NOT NULL,
	"role" text NOT NULL,
	"decision" text NOT NULL,
	"opinion" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_record_approvals_decision_check" CHECK ("case_record_approvals"."decision" in ('approved', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "case_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"version" integer NOT NULL,
	"supersedes_id" uuid,
	"correction_reason" text,
	"recorded_at" timestamp with time zone NOT NULL,
	"place" text,
	"officers" jsonb NOT NULL,
	"party_signature" text NOT NULL,
	"refusal_reason" text,
	"witnesses" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"av_reason" text,
	"content_sha256" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_records_signature_check" CHECK ("case_records"."party_signature" in ('signed', 'refused', 'pending', 'not_required') and ("case_records"."party_signature" <> 'refused' or "case_records"."refusal_reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "case_stage_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"note" text,
	"actor_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "procedure_variant" text DEFAULT 'national' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "definition_id" text DEFAULT 'penalty.national' NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record_approvals" ADD CONSTRAINT "case_record_approvals_record_id_case_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_record_approvals" ADD CONSTRAINT "case_record_approvals_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_supersedes_id_case_records_id_fk" FOREIGN KEY ("supersedes_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_records" ADD CONSTRAINT "case_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_changes" ADD CONSTRAINT "case_stage_changes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_stage_changes" ADD CONSTRAINT "case_stage_changes_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_record_approvals_step_key" ON "case_record_approvals" USING btree ("record_id","step_index");--> statement-breakpoint
CREATE INDEX "case_records_case_idx" ON "case_records" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_records_supersedes_key" ON "case_records" USING btree ("supersedes_id");--> statement-breakpoint
CREATE INDEX "case_stage_changes_case_idx" ON "case_stage_changes" USING btree ("case_id","at");