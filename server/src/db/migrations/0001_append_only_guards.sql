-- LEDGER-1, S2 §21, S4 §6: ledger entries and original records are never updated or deleted.
CREATE FUNCTION liuhen_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'liuhen: % on % is refused: the table is append-only (LEDGER-1)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_parties_append_only BEFORE UPDATE OR DELETE ON case_parties
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER case_parties_no_truncate BEFORE TRUNCATE ON case_parties
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER login_attempts_append_only BEFORE UPDATE OR DELETE ON login_attempts
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER login_attempts_no_truncate BEFORE TRUNCATE ON login_attempts
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER security_events_append_only BEFORE UPDATE OR DELETE ON security_events
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
-- Entries of one agency's log are numbered 0, 1, 2, ... without gaps, whatever the application does.
CREATE FUNCTION liuhen_ledger_check_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
BEGIN
  SELECT max(seq) INTO last_seq FROM ledger_entries WHERE agency_id = NEW.agency_id;
  IF NEW.seq <> coalesce(last_seq + 1, 0) THEN
    RAISE EXCEPTION 'liuhen: ledger entry % of agency % breaks the sequence (expected %)',
      NEW.seq, NEW.agency_id, coalesce(last_seq + 1, 0)
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_sequence BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION liuhen_ledger_check_sequence();
