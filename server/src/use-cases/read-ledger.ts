import { DomainError } from '@liuhen/domain';
import { findAgencyByCode, listAgencies } from '../db/repos/agency-repo';
import {
  findLedgerEntry,
  listCosignatures,
  latestCheckpoint,
  listLedgerKeys,
  findLedgerLog,
} from '../db/repos/ledger-repo';
import { proveConsistency, proveInclusion, tlogProofFor } from '../ledger/proofs';
import { runLedgerAudit } from '../ledger/run-audit';
import { authorize, can } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';
import { agencyAndDescendants } from './get-ledger-integrity';

const agencyIdOf = async (ctx: UseCaseContext, code: string): Promise<string> => {
  const agency = await findAgencyByCode(ctx.db, code.toUpperCase());
  if (!agency) throw new DomainError('LEDGER_NOT_FOUND', { code });

  return agency.id;
};

/** Entries and their proofs: staff of the agency, or of an agency above it, who may read cases or inspect logs. */
const authorizeEntries = async (ctx: UseCaseContext, actor: UserActor, agencyId: string): Promise<void> => {
  if (!can(actor, 'case.read') && !can(actor, 'ledger.inspect')) throw new DomainError('FORBIDDEN');
  const scope = agencyAndDescendants(await listAgencies(ctx.db), actor.agencyId);
  if (!scope.some((a) => a.id === agencyId)) throw new DomainError('FORBIDDEN');
};

/** Public: the latest signed checkpoint with its cosignatures, for anyone to keep and compare (LEDGER-4). */
export const getLatestCheckpoint = async ({ ctx, code }: { ctx: UseCaseContext; code: string }): Promise<string> => {
  const agencyId = await agencyIdOf(ctx, code);
  const checkpoint = await latestCheckpoint(ctx.db, agencyId);
  if (!checkpoint) throw new DomainError('CHECKPOINT_NOT_FOUND', { code });
  const cosignatures = await listCosignatures(ctx.db, agencyId, checkpoint.size);

  return checkpoint.note + cosignatures.map((c) => `${c.signatureLine}\n`).join('');
};

/** Public: the log's identity and its verifier keys, and those of the witness above it. */
export const getLedgerKeys = async ({ ctx, code }: { ctx: UseCaseContext; code: string }) => {
  const agencyId = await agencyIdOf(ctx, code);
  const log = await findLedgerLog(ctx.db, agencyId);
  if (!log) throw new DomainError('LEDGER_NOT_FOUND', { code });
  const agency = (await listAgencies(ctx.db)).find((a) => a.id === agencyId)!;
  const logKeys = await listLedgerKeys(ctx.db, agencyId, 'log');
  const witnessKeys = agency.parentId ? await listLedgerKeys(ctx.db, agency.parentId, 'witness') : [];

  return {
    origin: log.origin,
    hashAlgorithm: log.hashAlgorithm,
    logKeys: logKeys.map((k) => ({ vkey: k.vkey, algorithm: k.algorithm, createdAt: k.createdAt.toISOString() })),
    witnessKeys: witnessKeys.map((k) => ({
      vkey: k.vkey,
      algorithm: k.algorithm,
      createdAt: k.createdAt.toISOString(),
    })),
  };
};

export const getLedgerEntry = async (options: { ctx: UseCaseContext; actor: UserActor; code: string; seq: number }) => {
  const agencyId = await agencyIdOf(options.ctx, options.code);
  await authorizeEntries(options.ctx, options.actor, agencyId);
  const entry = await findLedgerEntry(options.ctx.db, agencyId, options.seq);
  if (!entry) throw new DomainError('LEDGER_ENTRY_NOT_FOUND', { seq: options.seq });

  return entry;
};

export const getInclusionProof = async (options: {
  ctx: UseCaseContext;
  actor: UserActor;
  code: string;
  index: number;
  size?: number;
}) => {
  const agencyId = await agencyIdOf(options.ctx, options.code);
  await authorizeEntries(options.ctx, options.actor, agencyId);

  return proveInclusion({ db: options.ctx.db, agencyId, index: options.index, size: options.size });
};

export const getTlogProof = async (options: { ctx: UseCaseContext; actor: UserActor; code: string; index: number }) => {
  const agencyId = await agencyIdOf(options.ctx, options.code);
  await authorizeEntries(options.ctx, options.actor, agencyId);

  return tlogProofFor({ db: options.ctx.db, agencyId, index: options.index });
};

/** Public: consistency proofs reveal only hashes, and witnesses elsewhere need them (LEDGER-4). */
export const getConsistencyProof = async (options: {
  ctx: UseCaseContext;
  code: string;
  from: number;
  to?: number;
}) => {
  const agencyId = await agencyIdOf(options.ctx, options.code);

  return proveConsistency({ db: options.ctx.db, agencyId, from: options.from, to: options.to });
};

/** LEDGER-3: a supervisor of the agency or of one above it runs the full audit now. */
export const auditLedger = async ({ ctx, actor, code }: { ctx: UseCaseContext; actor: UserActor; code: string }) => {
  authorize(actor, 'ledger.inspect');
  const agencyId = await agencyIdOf(ctx, code);
  const scope = agencyAndDescendants(await listAgencies(ctx.db), actor.agencyId);
  if (!scope.some((a) => a.id === agencyId)) throw new DomainError('FORBIDDEN');

  return runLedgerAudit({ ctx, agencyId, actorUserId: actor.userId });
};
