import { buildLedgerLeaf, createHasher, type HashAlgorithm, type LedgerActor, type LedgerEvent } from '@liuhen/domain';
import type { Tx } from '../db/client';
import { enqueueLedgerEntry, findLedgerLog, lastCaseLeafHash, lockCaseChain } from '../db/repos/ledger-repo';
import type { Actor } from '../use-cases/context';

export type AppendedEntry = { entryId: string; leafHash: Uint8Array };

// A log's hash is fixed when it is created, so it is read once per agency and process, not once per entry.
const hashOfLog = new Map<string, HashAlgorithm>();

const logHash = async (tx: Tx, agencyId: string): Promise<HashAlgorithm> => {
  const known = hashOfLog.get(agencyId);
  if (known) return known;
  const log = await findLedgerLog(tx, agencyId);
  if (!log) throw new Error(`agency ${agencyId} has no ledger log`);
  hashOfLog.set(agencyId, log.hashAlgorithm);

  return log.hashAlgorithm;
};

export const ledgerActorOf = (actor: Actor): LedgerActor =>
  actor.kind === 'user'
    ? { userId: actor.userId, credentialNumber: actor.credentialNumber, via: 'web' }
    : { userId: null, credentialNumber: null, via: actor.via };

/**
 * Rule 4: takes a transaction, never a bare connection, so the entry commits or rolls back together with
 * the change it records (LEDGER-1). The entry waits in the queue for the sequencer, which gives it its
 * position and puts it in the Merkle tree within a fraction of a second (ADR 0003).
 */
export const appendLedgerEntry = async (
  tx: Tx,
  options: { agencyId: string; entryId: string; actor: LedgerActor; occurredAt: Date; event: LedgerEvent },
): Promise<AppendedEntry> => {
  const hasher = createHasher(await logHash(tx, options.agencyId));
  const { caseId } = options.event;
  if (caseId) await lockCaseChain(tx, caseId);
  const casePrevLeafHash = caseId ? await lastCaseLeafHash(tx, options.agencyId, caseId) : null;
  const built = buildLedgerLeaf({ ...options, hasher, casePrevLeafHash });
  await enqueueLedgerEntry(tx, {
    agencyId: options.agencyId,
    entryId: options.entryId,
    type: options.event.type,
    caseId,
    actorUserId: options.actor.userId,
    occurredAt: options.occurredAt,
    leaf: built.leaf,
    leafHash: built.leafHash,
    payload: built.payloadJson,
  });

  return { entryId: options.entryId, leafHash: built.leafHash };
};
