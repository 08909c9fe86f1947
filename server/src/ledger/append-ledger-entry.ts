import { buildLedgerLeaf, chainHash, createHasher, type LedgerActor, type LedgerEvent } from '@liuhen/domain';
import type { Tx } from '../db/client';
import { advanceLedgerLog, insertLedgerEntry, lastCaseLeafHash, lockLedgerLog } from '../db/repos/ledger-repo';
import type { Actor } from '../use-cases/context';

export type AppendedEntry = { seq: number; leafHash: Uint8Array };

export const ledgerActorOf = (actor: Actor): LedgerActor =>
  actor.kind === 'user'
    ? { userId: actor.userId, credentialNumber: actor.credentialNumber, via: 'web' }
    : { userId: null, credentialNumber: null, via: actor.via };

/**
 * Rule 4: takes a transaction, never a bare connection, so the entry commits or rolls back
 * together with the change it records (LEDGER-1).
 */
export const appendLedgerEntry = async (
  tx: Tx,
  options: { agencyId: string; entryId: string; actor: LedgerActor; occurredAt: Date; event: LedgerEvent },
): Promise<AppendedEntry> => {
  const log = await lockLedgerLog(tx, options.agencyId);
  if (!log) throw new Error(`agency ${options.agencyId} has no ledger log`);
  const hasher = createHasher(log.hashAlgorithm);
  const casePrevLeafHash = options.event.caseId
    ? await lastCaseLeafHash(tx, options.agencyId, options.event.caseId)
    : null;
  const built = buildLedgerLeaf({ ...options, hasher, casePrevLeafHash });
  const seq = log.size;
  const chain = chainHash(hasher, log.headChainHash, built.leafHash);
  await insertLedgerEntry(tx, {
    agencyId: options.agencyId,
    seq,
    id: options.entryId,
    type: options.event.type,
    caseId: options.event.caseId,
    actorUserId: options.actor.userId,
    occurredAt: options.occurredAt,
    leaf: built.leaf,
    leafHash: built.leafHash,
    chainHash: chain,
    payload: built.payloadJson,
  });
  await advanceLedgerLog(tx, options.agencyId, { size: seq + 1, headChainHash: chain });

  return { seq, leafHash: built.leafHash };
};
