import {
  caseRecordDigest,
  chinaDate,
  chinaYear,
  DomainError,
  formatCaseNumber,
  INITIAL_STAGE,
  validateNewCase,
  type NewCaseInput,
} from '@liuhen/domain';
import { findAgencyById } from '../db/repos/agency-repo';
import { insertCase, insertCaseParty, nextCaseSequence } from '../db/repos/case-repo';
import { appendLedgerEntry, ledgerActorOf } from '../ledger/append-ledger-entry';
import { authorize } from '../policies/permissions';
import type { UseCaseContext, UserActor } from './context';

export type CreateCaseOptions = { ctx: UseCaseContext; actor: UserActor; input: NewCaseInput };

/** PROC-2: registers a penalty case at its source stage, with its party, number and ledger entry. */
export const createCase = async ({ ctx, actor, input }: CreateCaseOptions): Promise<{ id: string; number: string }> => {
  authorize(actor, 'case.create');
  const now = ctx.clock.now();
  const registered = validateNewCase(input, chinaDate(now));

  return ctx.db.transaction(async (tx) => {
    const agency = await findAgencyById(tx, actor.agencyId);
    if (!agency) throw new DomainError('AGENCY_NOT_FOUND', { id: actor.agencyId });
    const procedure = 'penalty' as const;
    const year = chinaYear(now);
    const sequence = await nextCaseSequence(tx, { agencyId: agency.id, procedure, year });
    const number = formatCaseNumber({ agencyShortName: agency.shortName, procedure, year, sequence });
    const caseRow = {
      id: ctx.newId(),
      agencyId: agency.id,
      procedure,
      number,
      year,
      sequence,
      stage: INITIAL_STAGE,
      source: registered.source,
      sourceDetail: registered.sourceDetail,
      place: registered.place,
      discoveredOn: registered.discoveredOn,
      summary: registered.summary,
      createdBy: actor.userId,
      createdAt: now,
    };
    const { party } = registered;
    const partyRow = {
      id: ctx.newId(),
      caseId: caseRow.id,
      kind: party.kind,
      name: party.name,
      idNumber: party.kind === 'person' ? party.idNumber : null,
      creditCode: party.kind === 'organization' ? party.creditCode : null,
      legalRepresentative: party.kind === 'organization' ? party.legalRepresentative : null,
      phone: party.phone,
      address: party.address,
      createdAt: now,
    };
    await insertCase(tx, caseRow);
    await insertCaseParty(tx, partyRow);
    await appendLedgerEntry(tx, {
      agencyId: agency.id,
      entryId: ctx.newId(),
      actor: ledgerActorOf(actor),
      occurredAt: now,
      event: {
        type: 'case.created',
        subjectId: caseRow.id,
        caseId: caseRow.id,
        payload: {
          caseId: caseRow.id,
          number,
          procedure,
          source: caseRow.source,
          stage: caseRow.stage,
          recordSha256: caseRecordDigest(caseRow, partyRow),
        },
      },
    });

    return { id: caseRow.id, number };
  });
};
