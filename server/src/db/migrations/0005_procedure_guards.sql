-- DOC-1, PROC-7, REVIEW-6: records, their versions, approvals and stage changes are never updated or deleted;
-- a correction is a new version (S2 第二十一条, S4 第六条).
CREATE TRIGGER case_records_append_only BEFORE UPDATE OR DELETE ON case_records
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_records_no_truncate BEFORE TRUNCATE ON case_records
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_record_approvals_append_only BEFORE UPDATE OR DELETE ON case_record_approvals
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_record_approvals_no_truncate BEFORE TRUNCATE ON case_record_approvals
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_stage_changes_append_only BEFORE UPDATE OR DELETE ON case_stage_changes
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_stage_changes_no_truncate BEFORE TRUNCATE ON case_stage_changes
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
