import { canonicalBytes, canonicalJson, type CanonicalValue } from './canonical-json';
import { LEDGER_EVENT_SUBJECT, type LedgerEvent } from './events';
import { sha256Hex } from './hasher';
import { leafHash, toHex, type Hasher } from './hashing';

export const LEAF_VERSION = 1;

/** How the actor reached the system; 'seed', 'cli' and 'system' (scheduled jobs) entries have no logged-in user. */
export type ActorChannel = 'web' | 'cli' | 'seed' | 'system';

export type LedgerActor = { userId: string | null; credentialNumber: string | null; via: ActorChannel };

export type BuildLeafOptions = {
  hasher: Hasher;
  entryId: string;
  agencyId: string;
  actor: LedgerActor;
  occurredAt: Date;
  event: LedgerEvent;
  /** Leaf hash of the previous entry about the same case, so a case's entries form their own chain. */
  casePrevLeafHash: Uint8Array | null;
};

export type BuiltLeaf = { leaf: Uint8Array; leafHash: Uint8Array; payloadJson: string };

/**
 * The leaf carries no position in the log (no sequence number, no previous hash of the log),
 * so the same bytes serve the hash chain now and the RFC 6962 Merkle tree later.
 */
export const buildLedgerLeaf = (options: BuildLeafOptions): BuiltLeaf => {
  const { event } = options;
  const payloadJson = canonicalJson(event.payload as unknown as CanonicalValue);
  const leafValue = {
    v: LEAF_VERSION,
    id: options.entryId,
    type: event.type,
    agency: options.agencyId,
    actor: {
      user: options.actor.userId,
      credential: options.actor.credentialNumber,
      via: options.actor.via,
    },
    time: options.occurredAt.toISOString(),
    subject: { type: LEDGER_EVENT_SUBJECT[event.type], id: event.subjectId },
    case: event.caseId,
    case_prev: options.casePrevLeafHash ? toHex(options.casePrevLeafHash) : null,
    payload: { sha256: sha256Hex(payloadJson) },
  } satisfies CanonicalValue;
  const leaf = canonicalBytes(leafValue);

  return { leaf, leafHash: leafHash(options.hasher, leaf), payloadJson };
};

/** Digest of a record row as stored, so the ledger pins the exact content it speaks of. */
export const recordDigest = (record: CanonicalValue): string => sha256Hex(canonicalJson(record));
