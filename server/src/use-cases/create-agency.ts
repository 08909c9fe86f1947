import {
  AGENCY_LEVELS,
  checkCreditCode,
  DomainError,
  GENESIS_CHAIN,
  normalizeCreditCode,
  type AgencyLevel,
} from '@liuhen/domain';
import { findAgencyByCode, findAgencyById, insertAgency } from '../db/repos/agency-repo';
import { createLedgerLog } from '../db/repos/ledger-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { originFor } from '../ledger/ledger-settings';
import { authorize } from '../policies/permissions';
import type { Actor, UseCaseContext } from './context';

export type CreateAgencyOptions = {
  ctx: UseCaseContext;
  actor: Actor;
  input: { parentId: string | null; code: string; name: string; shortName: string; level: string };
};

export type CreatedAgency = { id: string; code: string; name: string; shortName: string; level: AgencyLevel };

/** ORG-1: a node of the agency tree, with its own ledger log (S2 §20 分级存储). */
export const createAgency = async ({ ctx, actor, input }: CreateAgencyOptions): Promise<CreatedAgency> => {
  authorize(actor, 'people.manage');
  const code = normalizeCreditCode(input.code);
  const name = input.name.trim();
  const shortName = input.shortName.trim();
  const problems: { field: string; code: 'INVALID_CREDIT_CODE' | 'VALIDATION_FAILED' }[] = [];
  if (checkCreditCode(code) !== null) problems.push({ field: 'code', code: 'INVALID_CREDIT_CODE' });
  if (name.length === 0 || name.length > 100) problems.push({ field: 'name', code: 'VALIDATION_FAILED' });
  if (shortName.length === 0 || shortName.length > 20) problems.push({ field: 'shortName', code: 'VALIDATION_FAILED' });
  if (!(AGENCY_LEVELS as readonly string[]).includes(input.level)) {
    problems.push({ field: 'level', code: 'VALIDATION_FAILED' });
  }
  if (problems.length > 0) {
    throw new DomainError(problems.length === 1 ? problems[0]!.code : 'VALIDATION_FAILED', { fields: problems });
  }
  const level = input.level as AgencyLevel;

  return ctx.db.transaction(async (tx) => {
    if (input.parentId !== null && !(await findAgencyById(tx, input.parentId))) {
      throw new DomainError('AGENCY_NOT_FOUND', { id: input.parentId });
    }
    if (await findAgencyByCode(tx, code)) throw new DomainError('AGENCY_CODE_TAKEN', { code });
    const id = ctx.newId();
    const now = ctx.clock.now();
    await insertAgency(tx, { id, parentId: input.parentId, code, name, shortName, level, createdAt: now });
    const hashAlgorithm = ctx.ledger.hashAlgorithm;
    await createLedgerLog(tx, {
      agencyId: id,
      origin: originFor(ctx.ledger, code, hashAlgorithm),
      hashAlgorithm,
      headChainHash: GENESIS_CHAIN,
      createdAt: now,
    });
    await appendLedgerEntry(tx, {
      agencyId: id,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'agency.created',
        subjectId: id,
        caseId: null,
        payload: { agencyId: id, parentId: input.parentId, code, name, level },
      },
    });

    return { id, code, name, shortName, level };
  });
};
