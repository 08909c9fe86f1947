CREATE TABLE "blob_fixity_checks" (
	"run_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"expected_size" bigint,
	"actual_size" bigint,
	"actual_sha256" text,
	"error" text,
	CONSTRAINT "blob_fixity_checks_run_id_sha256_pk" PRIMARY KEY("run_id","sha256"),
	CONSTRAINT "blob_fixity_checks_outcome_check" CHECK ("blob_fixity_checks"."outcome" in ('ok', 'missing', 'altered', 'unreadable', 'unreferenced'))
);
--> statement-breakpoint
ALTER TABLE "blob_fixity_checks" ADD CONSTRAINT "blob_fixity_checks_run_id_fixity_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."fixity_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blob_fixity_checks_sha256_idx" ON "blob_fixity_checks" USING btree ("sha256","checked_at");--> statement-breakpoint
-- Fixity: each check of an original is a fact for supervisors and auditors; it is never changed or removed.
CREATE TRIGGER blob_fixity_checks_append_only BEFORE UPDATE OR DELETE ON blob_fixity_checks
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER blob_fixity_checks_no_truncate BEFORE TRUNCATE ON blob_fixity_checks
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
