import { consistencyProof, createHasher, DomainError, formatTlogProof, inclusionProof } from '@liuhen/domain';
import type { Executor } from '../db/client';
import {
  checkpointCovering,
  findCheckpoint,
  findLedgerLog,
  latestCheckpoint,
  listCosignatures,
  type CheckpointRow,
  type LedgerLogRow,
} from '../db/repos/ledger-repo';
import { tileNodeReader } from './integrate-ledger';

/** The checkpoint note with the witnesses' cosignature lines appended, as C2SP clients expect it. */
export const cosignedNote = async (db: Executor, checkpoint: CheckpointRow): Promise<string> => {
  const cosignatures = await listCosignatures(db, checkpoint.agencyId, checkpoint.size);

  return checkpoint.note + cosignatures.map((c) => `${c.signatureLine}\n`).join('');
};

const logOf = async (db: Executor, agencyId: string): Promise<LedgerLogRow> => {
  const log = await findLedgerLog(db, agencyId);
  if (!log) throw new DomainError('LEDGER_NOT_FOUND', { agencyId });

  return log;
};

/** A checkpoint of the given size, or by default the latest one; proofs are only given against signed trees. */
const checkpointFor = async (db: Executor, agencyId: string, size: number | undefined): Promise<CheckpointRow> => {
  const checkpoint =
    size === undefined ? await latestCheckpoint(db, agencyId) : await findCheckpoint(db, agencyId, size);
  if (!checkpoint) throw new DomainError('CHECKPOINT_NOT_FOUND', { size: size ?? null });

  return checkpoint;
};

export type InclusionProofResult = { index: number; size: number; hashes: Uint8Array[]; checkpoint: string };

/** LEDGER-2: the audit path of entry `index` in the tree of a signed checkpoint. */
export const proveInclusion = async (options: {
  db: Executor;
  agencyId: string;
  index: number;
  size?: number;
}): Promise<InclusionProofResult> => {
  const { db, agencyId, index } = options;
  const log = await logOf(db, agencyId);
  const checkpoint =
    options.size === undefined
      ? ((await latestCheckpoint(db, agencyId)) ?? (await checkpointFor(db, agencyId, undefined)))
      : await checkpointFor(db, agencyId, options.size);
  if (index < 0 || index >= checkpoint.size) {
    // Either the entry does not exist or no checkpoint covers it yet.
    throw new DomainError(index < log.size ? 'ENTRY_NOT_YET_CHECKPOINTED' : 'LEDGER_ENTRY_NOT_FOUND', { index });
  }
  const hasher = createHasher(log.hashAlgorithm);
  const hashes = await inclusionProof(hasher, index, checkpoint.size, tileNodeReader(db, agencyId, hasher));

  return { index, size: checkpoint.size, hashes, checkpoint: await cosignedNote(db, checkpoint) };
};

/** LEDGER-2: proof that the signed tree of size `to` extends the signed tree of size `from`. */
export const proveConsistency = async (options: {
  db: Executor;
  agencyId: string;
  from: number;
  to?: number;
}): Promise<{ from: number; to: number; hashes: Uint8Array[]; oldCheckpoint: string; newCheckpoint: string }> => {
  const { db, agencyId, from } = options;
  const log = await logOf(db, agencyId);
  const newer = await checkpointFor(db, agencyId, options.to);
  const older = await checkpointFor(db, agencyId, from);
  if (from < 1 || from > newer.size) throw new DomainError('INVALID_PROOF_RANGE', { from, to: newer.size });
  const hasher = createHasher(log.hashAlgorithm);
  const hashes = await consistencyProof(hasher, from, newer.size, tileNodeReader(db, agencyId, hasher));

  return {
    from,
    to: newer.size,
    hashes,
    oldCheckpoint: await cosignedNote(db, older),
    newCheckpoint: await cosignedNote(db, newer),
  };
};

/**
 * C2SP tlog-proof for one entry, against the first checkpoint that covers it: a self-contained file that a
 * court or a party can check offline with `liuhen-verify proof`.
 */
export const tlogProofFor = async (options: { db: Executor; agencyId: string; index: number }): Promise<string> => {
  const { db, agencyId, index } = options;
  const covering = await checkpointCovering(db, agencyId, index);
  if (!covering) {
    const log = await logOf(db, agencyId);
    throw new DomainError(index < log.size ? 'ENTRY_NOT_YET_CHECKPOINTED' : 'LEDGER_ENTRY_NOT_FOUND', { index });
  }
  // Prefer the newest witnessed checkpoint that covers the entry: a cosigned tree is worth more to a court;
  // the witness runs every half minute, so a fresh entry falls back to the newest checkpoint.
  const witnessed = (await listCosignatures(db, agencyId)).map((c) => c.size).filter((size) => size > index);
  const latest = await latestCheckpoint(db, agencyId);
  const size = witnessed.length > 0 ? Math.max(...witnessed) : (latest?.size ?? covering.size);
  const proof = await proveInclusion({ db, agencyId, index, size });

  return formatTlogProof({ index, proof: proof.hashes, checkpoint: proof.checkpoint });
};
