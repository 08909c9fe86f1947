CREATE TABLE "ledger_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"log_agency_id" uuid NOT NULL,
	"witness_agency_id" uuid,
	"kind" text NOT NULL,
	"detail" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_audits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"entries" bigint NOT NULL,
	"checkpoints" integer NOT NULL,
	"is_ok" boolean NOT NULL,
	"findings" text NOT NULL,
	"actor_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "ledger_checkpoints" (
	"agency_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"root" "bytea" NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_checkpoints_agency_id_size_pk" PRIMARY KEY("agency_id","size")
);
--> statement-breakpoint
CREATE TABLE "ledger_cosignatures" (
	"log_agency_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"witness_agency_id" uuid NOT NULL,
	"witness_name" text NOT NULL,
	"signature_line" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_cosignatures_log_agency_id_size_witness_agency_id_pk" PRIMARY KEY("log_agency_id","size","witness_agency_id")
);
--> statement-breakpoint
CREATE TABLE "ledger_keys" (
	"agency_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"algorithm" text NOT NULL,
	"key_name" text NOT NULL,
	"vkey" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_keys_agency_id_vkey_pk" PRIMARY KEY("agency_id","vkey"),
	CONSTRAINT "ledger_keys_purpose_check" CHECK ("ledger_keys"."purpose" in ('log', 'witness')),
	CONSTRAINT "ledger_keys_algorithm_check" CHECK ("ledger_keys"."algorithm" in ('ed25519', 'sm2', 'cosignature'))
);
--> statement-breakpoint
CREATE TABLE "ledger_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"agency_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"type" text NOT NULL,
	"case_id" uuid,
	"actor_user_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"leaf" "bytea" NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"payload" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_tiles" (
	"agency_id" uuid NOT NULL,
	"level" smallint NOT NULL,
	"idx" bigint NOT NULL,
	"hashes" "bytea" NOT NULL,
	CONSTRAINT "ledger_tiles_agency_id_level_idx_pk" PRIMARY KEY("agency_id","level","idx"),
	CONSTRAINT "ledger_tiles_width_check" CHECK (length("ledger_tiles"."hashes") between 32 and 8192 and length("ledger_tiles"."hashes") % 32 = 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_witness_state" (
	"witness_agency_id" uuid NOT NULL,
	"log_agency_id" uuid NOT NULL,
	"size" bigint NOT NULL,
	"root" "bytea" NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_witness_state_witness_agency_id_log_agency_id_pk" PRIMARY KEY("witness_agency_id","log_agency_id")
);
--> statement-breakpoint
ALTER TABLE "ledger_logs" ADD COLUMN "origin" text;--> statement-breakpoint
-- Logs created before origins existed get the default host (LIUHEN_LEDGER_HOST's default); fixed from now on.
UPDATE "ledger_logs" SET "origin" = 'liuhen.local/ledger/' || a."code" || '/' || "ledger_logs"."hash_algorithm" FROM "agencies" a WHERE a."id" = "ledger_logs"."agency_id";--> statement-breakpoint
ALTER TABLE "ledger_logs" ALTER COLUMN "origin" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_logs" ADD COLUMN "tree_size" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ledger_logs" ADD COLUMN "root" "bytea";--> statement-breakpoint
ALTER TABLE "ledger_alerts" ADD CONSTRAINT "ledger_alerts_log_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("log_agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_alerts" ADD CONSTRAINT "ledger_alerts_witness_agency_id_agencies_id_fk" FOREIGN KEY ("witness_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_audits" ADD CONSTRAINT "ledger_audits_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_checkpoints" ADD CONSTRAINT "ledger_checkpoints_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_cosignatures" ADD CONSTRAINT "ledger_cosignatures_log_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("log_agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_cosignatures" ADD CONSTRAINT "ledger_cosignatures_witness_agency_id_agencies_id_fk" FOREIGN KEY ("witness_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_keys" ADD CONSTRAINT "ledger_keys_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_queue" ADD CONSTRAINT "ledger_queue_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_tiles" ADD CONSTRAINT "ledger_tiles_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_witness_state" ADD CONSTRAINT "ledger_witness_state_witness_agency_id_agencies_id_fk" FOREIGN KEY ("witness_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_witness_state" ADD CONSTRAINT "ledger_witness_state_log_agency_id_ledger_logs_agency_id_fk" FOREIGN KEY ("log_agency_id") REFERENCES "public"."ledger_logs"("agency_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_alerts_log_idx" ON "ledger_alerts" USING btree ("log_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "ledger_audits_agency_idx" ON "ledger_audits" USING btree ("agency_id","finished_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_queue_entry_key" ON "ledger_queue" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "ledger_queue_agency_idx" ON "ledger_queue" USING btree ("agency_id","id");--> statement-breakpoint
CREATE INDEX "ledger_queue_case_idx" ON "ledger_queue" USING btree ("case_id","id");