-- AV-1, RET-2, DEV-1: originals, their terms, holds, disposals, devices and their histories are never updated or
-- deleted (S2 第二十一条 不得擅自剪接、删除、篡改); a release, a new term or a device event is a new row.
CREATE TRIGGER devices_append_only BEFORE UPDATE OR DELETE ON devices
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER devices_no_truncate BEFORE TRUNCATE ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER device_events_append_only BEFORE UPDATE OR DELETE ON device_events
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER device_events_no_truncate BEFORE TRUNCATE ON device_events
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER device_checks_append_only BEFORE UPDATE OR DELETE ON device_checks
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER device_checks_no_truncate BEFORE TRUNCATE ON device_checks
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER blobs_append_only BEFORE UPDATE OR DELETE ON blobs
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER blobs_no_truncate BEFORE TRUNCATE ON blobs
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_items_append_only BEFORE UPDATE OR DELETE ON evidence_items
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_items_no_truncate BEFORE TRUNCATE ON evidence_items
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_gap_statements_append_only BEFORE UPDATE OR DELETE ON evidence_gap_statements
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_gap_statements_no_truncate BEFORE TRUNCATE ON evidence_gap_statements
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_retention_facts_append_only BEFORE UPDATE OR DELETE ON case_retention_facts
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_retention_facts_no_truncate BEFORE TRUNCATE ON case_retention_facts
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_retention_append_only BEFORE UPDATE OR DELETE ON evidence_retention
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_retention_no_truncate BEFORE TRUNCATE ON evidence_retention
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_holds_append_only BEFORE UPDATE OR DELETE ON legal_holds
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_holds_no_truncate BEFORE TRUNCATE ON legal_holds
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_hold_releases_append_only BEFORE UPDATE OR DELETE ON legal_hold_releases
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_hold_releases_no_truncate BEFORE TRUNCATE ON legal_hold_releases
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_disposal_requests_append_only BEFORE UPDATE OR DELETE ON evidence_disposal_requests
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_disposal_requests_no_truncate BEFORE TRUNCATE ON evidence_disposal_requests
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_disposal_decisions_append_only BEFORE UPDATE OR DELETE ON evidence_disposal_decisions
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_disposal_decisions_no_truncate BEFORE TRUNCATE ON evidence_disposal_decisions
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
