CREATE TABLE "case_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"record_id" uuid,
	"template_id" text NOT NULL,
	"title" text NOT NULL,
	"document_number" text,
	"pdf" "bytea" NOT NULL,
	"pdf_sha256" text NOT NULL,
	"docx" "bytea" NOT NULL,
	"docx_sha256" text NOT NULL,
	"signature_ids" jsonb NOT NULL,
	"generated_by" uuid NOT NULL,
	"generated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_review_extension_decisions" (
	"extension_id" uuid PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"opinion" text NOT NULL,
	"due_on" date NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_review_extension_decisions_check" CHECK ("legal_review_extension_decisions"."decision" in ('approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "legal_review_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"submission_id" uuid NOT NULL,
	"working_days" integer NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_review_opinions" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"points" jsonb NOT NULL,
	"conclusion" text NOT NULL,
	"reasons" text NOT NULL,
	"correction_items" text,
	"record_id" uuid NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_review_opinions_conclusion_check" CHECK ("legal_review_opinions"."conclusion" in ('approve', 'correct', 'do_not_decide', 'transfer'))
);
--> statement-breakpoint
CREATE TABLE "legal_review_rulings" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"discussion_record_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"reasons" text NOT NULL,
	"ruled_by" uuid NOT NULL,
	"ruled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "legal_review_rulings_outcome_check" CHECK ("legal_review_rulings"."outcome" in ('proceed', 'follow_review'))
);
--> statement-breakpoint
CREATE TABLE "legal_review_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"draft_record_id" uuid NOT NULL,
	"major_basis" jsonb NOT NULL,
	"proposal" text NOT NULL,
	"materials" jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_catalog_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"category" text NOT NULL,
	"level" text NOT NULL,
	"field" text NOT NULL,
	"title" text NOT NULL,
	"penalty_kinds" jsonb NOT NULL,
	"party_type" text NOT NULL,
	"amount_threshold" text,
	"basis" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "major_catalog_retirements" (
	"entry_id" uuid PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"retired_by" uuid NOT NULL,
	"retired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"evidence_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_signatures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"role" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_user_id" uuid,
	"method" text NOT NULL,
	"image_png" "bytea",
	"image_sha256" text,
	"scan_evidence_id" uuid,
	"fingerprint" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "record_signatures_role_check" CHECK ("record_signatures"."role" in ('officer', 'party', 'witness', 'server', 'recipient')),
	CONSTRAINT "record_signatures_method_check" CHECK (("record_signatures"."method" = 'electronic' and "record_signatures"."signer_user_id" is not null) or ("record_signatures"."method" = 'handwritten' and "record_signatures"."image_png" is not null) or ("record_signatures"."method" = 'paper_scan' and "record_signatures"."scan_evidence_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "user_roles" DROP CONSTRAINT "user_roles_role_check";--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_record_id_case_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_extension_decisions" ADD CONSTRAINT "legal_review_extension_decisions_extension_id_legal_review_extensions_id_fk" FOREIGN KEY ("extension_id") REFERENCES "public"."legal_review_extensions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_extension_decisions" ADD CONSTRAINT "legal_review_extension_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_extensions" ADD CONSTRAINT "legal_review_extensions_submission_id_legal_review_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."legal_review_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_extensions" ADD CONSTRAINT "legal_review_extensions_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_opinions" ADD CONSTRAINT "legal_review_opinions_submission_id_legal_review_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."legal_review_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_opinions" ADD CONSTRAINT "legal_review_opinions_record_id_case_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_opinions" ADD CONSTRAINT "legal_review_opinions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_rulings" ADD CONSTRAINT "legal_review_rulings_submission_id_legal_review_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."legal_review_submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_rulings" ADD CONSTRAINT "legal_review_rulings_discussion_record_id_case_records_id_fk" FOREIGN KEY ("discussion_record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_rulings" ADD CONSTRAINT "legal_review_rulings_ruled_by_users_id_fk" FOREIGN KEY ("ruled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_submissions" ADD CONSTRAINT "legal_review_submissions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_submissions" ADD CONSTRAINT "legal_review_submissions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_submissions" ADD CONSTRAINT "legal_review_submissions_draft_record_id_case_records_id_fk" FOREIGN KEY ("draft_record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "legal_review_submissions" ADD CONSTRAINT "legal_review_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_catalog_entries" ADD CONSTRAINT "major_catalog_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_catalog_entries" ADD CONSTRAINT "major_catalog_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_catalog_retirements" ADD CONSTRAINT "major_catalog_retirements_entry_id_major_catalog_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."major_catalog_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "major_catalog_retirements" ADD CONSTRAINT "major_catalog_retirements_retired_by_users_id_fk" FOREIGN KEY ("retired_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_attachments" ADD CONSTRAINT "record_attachments_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_attachments" ADD CONSTRAINT "record_attachments_record_id_case_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_attachments" ADD CONSTRAINT "record_attachments_evidence_id_evidence_items_id_fk" FOREIGN KEY ("evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_attachments" ADD CONSTRAINT "record_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_record_id_case_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."case_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_signer_user_id_users_id_fk" FOREIGN KEY ("signer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_scan_evidence_id_evidence_items_id_fk" FOREIGN KEY ("scan_evidence_id") REFERENCES "public"."evidence_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_signatures" ADD CONSTRAINT "record_signatures_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id","generated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_review_submissions_round_key" ON "legal_review_submissions" USING btree ("case_id","round");--> statement-breakpoint
CREATE INDEX "legal_review_submissions_agency_idx" ON "legal_review_submissions" USING btree ("agency_id","submitted_at");--> statement-breakpoint
CREATE INDEX "major_catalog_entries_agency_idx" ON "major_catalog_entries" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "record_attachments_key" ON "record_attachments" USING btree ("record_id","evidence_id","kind");--> statement-breakpoint
CREATE INDEX "record_signatures_record_idx" ON "record_signatures" USING btree ("record_id","signed_at");--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_role_check" CHECK ("user_roles"."role" in ('officer', 'lead_officer', 'section_head', 'legal_reviewer', 'agency_head', 'deputy_head', 'archivist', 'supervisor', 'device_keeper', 'intake_clerk', 'system_admin', 'security_admin', 'audit_admin'));