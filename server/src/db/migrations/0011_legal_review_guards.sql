-- REVIEW-1..5, DOC-2, DOC-4, SERVE-1: catalog entries, review rounds, opinions, extensions, rulings, signatures,
-- proofs of service and generated documents are never updated or deleted (S2 第二十一条 禁删改); a retirement, a
-- decision or a newer document is a new row.
CREATE TRIGGER major_catalog_entries_append_only BEFORE UPDATE OR DELETE ON major_catalog_entries
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER major_catalog_entries_no_truncate BEFORE TRUNCATE ON major_catalog_entries
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER major_catalog_retirements_append_only BEFORE UPDATE OR DELETE ON major_catalog_retirements
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER major_catalog_retirements_no_truncate BEFORE TRUNCATE ON major_catalog_retirements
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_submissions_append_only BEFORE UPDATE OR DELETE ON legal_review_submissions
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_submissions_no_truncate BEFORE TRUNCATE ON legal_review_submissions
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_opinions_append_only BEFORE UPDATE OR DELETE ON legal_review_opinions
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_opinions_no_truncate BEFORE TRUNCATE ON legal_review_opinions
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_extensions_append_only BEFORE UPDATE OR DELETE ON legal_review_extensions
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_extensions_no_truncate BEFORE TRUNCATE ON legal_review_extensions
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_extension_decisions_append_only BEFORE UPDATE OR DELETE ON legal_review_extension_decisions
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_extension_decisions_no_truncate BEFORE TRUNCATE ON legal_review_extension_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_rulings_append_only BEFORE UPDATE OR DELETE ON legal_review_rulings
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_review_rulings_no_truncate BEFORE TRUNCATE ON legal_review_rulings
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_signatures_append_only BEFORE UPDATE OR DELETE ON record_signatures
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_signatures_no_truncate BEFORE TRUNCATE ON record_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_attachments_append_only BEFORE UPDATE OR DELETE ON record_attachments
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER record_attachments_no_truncate BEFORE TRUNCATE ON record_attachments
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_documents_append_only BEFORE UPDATE OR DELETE ON case_documents
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_documents_no_truncate BEFORE TRUNCATE ON case_documents
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
