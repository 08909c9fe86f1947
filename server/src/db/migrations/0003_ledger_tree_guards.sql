-- LEDGER-1: checkpoints, keys, cosignatures, alerts and audits are never updated or deleted.
CREATE TRIGGER ledger_checkpoints_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoints
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_checkpoints_no_truncate BEFORE TRUNCATE ON ledger_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_keys_append_only BEFORE UPDATE OR DELETE ON ledger_keys
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_keys_no_truncate BEFORE TRUNCATE ON ledger_keys
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_cosignatures_append_only BEFORE UPDATE OR DELETE ON ledger_cosignatures
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_cosignatures_no_truncate BEFORE TRUNCATE ON ledger_cosignatures
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_alerts_append_only BEFORE UPDATE OR DELETE ON ledger_alerts
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_audits_append_only BEFORE UPDATE OR DELETE ON ledger_audits
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
-- A queued entry leaves the queue only by being sequenced; it is never edited in between.
CREATE TRIGGER ledger_queue_no_update BEFORE UPDATE ON ledger_queue
  FOR EACH ROW EXECUTE FUNCTION liuhen_refuse_change();
--> statement-breakpoint
-- Tiles: a partial tile may only grow (its stored hashes stay a prefix); a full tile (256 hashes) is frozen.
CREATE FUNCTION liuhen_tile_only_grows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR length(OLD.hashes) = 8192 OR NEW.agency_id <> OLD.agency_id OR NEW.level <> OLD.level
     OR NEW.idx <> OLD.idx OR length(NEW.hashes) <= length(OLD.hashes)
     OR substring(NEW.hashes FROM 1 FOR length(OLD.hashes)) <> OLD.hashes THEN
    RAISE EXCEPTION 'liuhen: % of tile %/% of agency % is refused: tiles only grow (LEDGER-1)',
      TG_OP, OLD.level, OLD.idx, OLD.agency_id
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_tiles_only_grow BEFORE UPDATE OR DELETE ON ledger_tiles
  FOR EACH ROW EXECUTE FUNCTION liuhen_tile_only_grows();
--> statement-breakpoint
CREATE TRIGGER ledger_tiles_no_truncate BEFORE TRUNCATE ON ledger_tiles
  FOR EACH STATEMENT EXECUTE FUNCTION liuhen_refuse_change();
