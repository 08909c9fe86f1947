import { DomainError } from '@liuhen/domain';
import { findAgencyById } from '../db/repos/agency-repo';
import { findCaseById, type CaseWithParties } from '../db/repos/case-repo';
import { listCaseEntries, type CaseTimelineRow } from '../db/repos/ledger-repo';
import type { Executor } from '../db/client';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export type CaseDetail = CaseWithParties & {
  agency: { id: string; name: string; code: string };
  timeline: CaseTimelineRow[];
};

/** Loads a case of the actor's agency; another agency's case is reported as not found, not as forbidden. */
export const loadCaseDetail = async (db: Executor, actor: UserActor, caseId: string): Promise<CaseDetail> => {
  const found = await findCaseById(db, caseId);
  if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
  const agency = await findAgencyById(db, found.case.agencyId);
  const timeline = await listCaseEntries(db, found.case.agencyId, caseId);

  return { ...found, agency: { id: agency!.id, name: agency!.name, code: agency!.code }, timeline };
};

/** ACCESS-4, SEC-2: reading a case is itself recorded in the ledger before the content is returned. */
export const viewCase = async ({
  ctx,
  actor,
  caseId,
}: {
  ctx: UseCaseContext;
  actor: UserActor;
  caseId: string;
}): Promise<CaseDetail> => {
  authorize(actor, 'case.read');

  return ctx.db.transaction(async (tx) => {
    const found = await findCaseById(tx, caseId);
    if (!found || found.case.agencyId !== actor.agencyId) throw new DomainError('CASE_NOT_FOUND', { id: caseId });
    await appendLedgerEntry(tx, {
      agencyId: found.case.agencyId,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: ctx.clock.now(),
      event: { type: 'case.viewed', subjectId: caseId, caseId, payload: { caseId } },
    });

    return loadCaseDetail(tx, actor, caseId);
  });
};
